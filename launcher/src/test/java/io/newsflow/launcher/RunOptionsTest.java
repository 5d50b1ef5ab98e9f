package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaultsToSeedsDataAndPort9092() {
        assertThat(RunOptions.parse(List.of())).isEqualTo(new RunOptions(false, Path.of("seeds"), Path.of("data"),
                false, 9092, Duration.ofSeconds(120), Optional.empty()));
    }

    @Test
    void readsEveryOption() {
        assertThat(RunOptions.parse(List.of("--once", "--fresh", "--data-dir", "/tmp/d", "--broker-port", "19092",
                "--timeout", "30", "inbox"))).isEqualTo(new RunOptions(true, Path.of("inbox"), Path.of("/tmp/d"),
                true, 19092, Duration.ofSeconds(30), Optional.empty()));
    }

    @Test
    void explainsWhatIsWrongWithABadCommandLine() {
        assertThatThrownBy(() -> RunOptions.parse(List.of("--onse"))).hasMessage("unknown option --onse");
        assertThatThrownBy(() -> RunOptions.parse(List.of("--broker-port", "x")))
                .hasMessage("--broker-port takes a whole number from 1 to 65535, got 'x'");
        assertThatThrownBy(() -> RunOptions.parse(List.of("--data-dir"))).hasMessage("--data-dir needs a value");
        assertThatThrownBy(() -> RunOptions.parse(List.of("a", "b")))
                .hasMessage("only one folder can be given; got a and b");
    }
}
