package io.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void turnsAnExceptionOfAStepIntoARejectionNamingIt() {
        Outcome<String> outcome = Outcome.attempt("x", value -> {
            throw new IllegalStateException("broken step");
        });
        assertThat(outcome).isEqualTo(new Outcome.Rejected<String>(
                new Rejection("java.lang.IllegalStateException", "broken step")));
    }

    @Test
    void flatMapStopsAtTheFirstRejection() {
        Outcome<Integer> rejected = Outcome.<String>rejected("bad", "why").flatMap(s -> Outcome.accepted(s.length()));
        assertThat(rejected).isEqualTo(new Outcome.Rejected<Integer>(new Rejection("bad", "why")));
        assertThat(Outcome.accepted("abc").flatMap(s -> Outcome.accepted(s.length()))).isEqualTo(Outcome.accepted(3));
    }
}
