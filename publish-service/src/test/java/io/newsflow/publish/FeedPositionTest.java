package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedPositionTest {

    @Test
    void writesOffsetsByPartitionAndReadsThemBack() {
        FeedPosition position = FeedPosition.of(Map.of(2, 3L, 0, 15L, 1, 7L));
        assertThat(position.toEventId()).isEqualTo("0:15,1:7,2:3");
        assertThat(FeedPosition.parse("0:15,1:7,2:3")).isEqualTo(position);
    }

    @Test
    void movesOnePartitionPastARecord() {
        FeedPosition position = FeedPosition.parse("0:15,1:7").after(1, 7).after(2, 0);
        assertThat(position.toEventId()).isEqualTo("0:15,1:8,2:1");
        assertThat(position.offset(1)).isEqualTo(8L);
        assertThat(position.offset(5)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "0:", ":1", "0:1,", "0:1;1:2", "0:-1", "-1:0", "0:1 ,1:2", " 0:1",
            "0:1\n", "0:1\r\nevent: evil", "0:1,0:2", "0:99999999999999999999", "10000:1", "0:1\u0000"})
    void rejectsAnythingElseSayingWhatIsExpected(String id) {
        assertThatThrownBy(() -> FeedPosition.parse(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a feed position");
    }

    @Test
    void namesTheReason() {
        assertThatThrownBy(() -> FeedPosition.parse("0:1,0:2")).hasMessageEndingWith("partition 0 appears twice");
        assertThatThrownBy(() -> FeedPosition.parse("x")).hasMessageContaining("e.g. 0:15,1:7,2:3");
    }
}
