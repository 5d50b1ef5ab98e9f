package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void servesHealthOn8082OfEveryInterfaceByDefault() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of()));

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.pipeline().applicationId(EnrichApp.SERVICE)).isEqualTo("newsflow-enrich");
    }

    @Test
    void takesHostAndPortFromTheEnvironment() {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_HTTP_HOST", "127.0.0.1",
                "NEWSFLOW_ENRICH_HTTP_PORT", "0")));

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> EnrichConfig.fromEnv(new Env(Map.of("NEWSFLOW_ENRICH_HTTP_PORT", "65536"))))
                .hasMessage("NEWSFLOW_ENRICH_HTTP_PORT=65536 is out of range: expected 0..65535");
    }
}
