package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.Problem;
import io.newsflow.contract.Rejection;
import org.junit.jupiter.api.Test;

/** The {@code reason} tag of {@code newsflow_articles_rejected_total} for each refusal the ingest API answers. */
class RejectionReasonTest {

    @Test
    void aRejectedArticleIsCountedUnderItsErrorCode() {
        assertThat(IngestHttpServer.reason(IngestHttpServer.problemFor(new Rejection("missing-field", "no body"))))
                .isEqualTo("missing-field");
        assertThat(IngestHttpServer.reason(IngestHttpServer.problemFor(new Rejection("too-large", "big"))))
                .isEqualTo("too-large");
    }

    @Test
    void aRefusalWithoutAnErrorCodeIsCountedUnderWhatItsStatusMeans() {
        assertThat(IngestHttpServer.reason(Problem.of(401, "Unauthorized", "key"))).isEqualTo("unauthorized");
        assertThat(IngestHttpServer.reason(Problem.of(403, "Forbidden", "key"))).isEqualTo("forbidden");
        assertThat(IngestHttpServer.reason(Problem.of(413, "Content Too Large", "big"))).isEqualTo("too-large");
        assertThat(IngestHttpServer.reason(Problem.of(415, "Unsupported Media Type", "type")))
                .isEqualTo("unsupported-media-type");
        assertThat(IngestHttpServer.reason(Problem.of(429, "Too Many Requests", "slow"))).isEqualTo("rate-limited");
        assertThat(IngestHttpServer.reason(Problem.of(400, "Bad Request", "what"))).isEqualTo("bad-request");
    }
}
