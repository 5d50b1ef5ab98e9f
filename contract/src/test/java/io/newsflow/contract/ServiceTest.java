package io.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTest {

    private final List<String> events = new ArrayList<>();

    private Service service(String name, boolean failsToStop) {
        return new Service() {
            @Override
            public void start() {
                events.add("start " + name);
            }

            @Override
            public void stop() {
                events.add("stop " + name);
                if (failsToStop) {
                    throw new IllegalStateException(name + " did not close");
                }
            }
        };
    }

    @Test
    void stopsEveryServiceInReverseEvenWhenOneFailsAndThenReportsTheFailures() {
        Service all = Service.all(List.of(service("a", true), service("b", true), service("c", false)));
        all.start();

        Throwable failure = catchThrowable(all::stop);

        assertThat(events).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("b did not close");
        assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("a did not close");
    }
}
