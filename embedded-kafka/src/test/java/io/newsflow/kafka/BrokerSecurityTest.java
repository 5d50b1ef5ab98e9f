package io.newsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSecurityTest {

    private static final BrokerSecurity.Credentials BROKER = new BrokerSecurity.Credentials("broker", "b-secret");

    @Test
    void formatsTheBrokerUserThenEveryClientUserForSha512() {
        BrokerSecurity security = security(Map.of("zoe", "z-secret", "alice", "a-secret"));

        assertThat(security.formatArguments()).containsExactly(
                "--add-scram", "SCRAM-SHA-512=[name=broker,password=b-secret]",
                "--add-scram", "SCRAM-SHA-512=[name=alice,password=a-secret]",
                "--add-scram", "SCRAM-SHA-512=[name=zoe,password=z-secret]");
    }

    @Test
    void logsTheBrokerInOnItsOwnListenerWithItsOwnUser() {
        Map<String, String> props = security(Map.of()).brokerProperties();

        assertThat(props).containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"broker\" "
                                + "password=\"b-secret\";")
                .containsEntry("ssl.keystore.location", Path.of("/tls/broker.p12").toAbsolutePath().toString())
                .containsEntry("ssl.keystore.type", "PKCS12");
    }

    @Test
    void givesClientsTheProtocolMechanismLoginAndTrustStore() {
        Map<String, Object> config = security(Map.of("alice", "a-secret"))
                .clientConfig(new BrokerSecurity.Credentials("alice", "a-secret"));

        assertThat(config).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"alice\" password=\"a-secret\";"),
                Map.entry("ssl.truststore.location", Path.of("/tls/truststore.p12").toAbsolutePath().toString()),
                Map.entry("ssl.truststore.password", "t-pass"),
                Map.entry("ssl.truststore.type", "PKCS12"));
    }

    @Test
    void refusesPasswordsThatWouldBreakTheStorageToolOrJaasSyntax() {
        assertThatThrownBy(() -> security(Map.of("alice", "a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password of alice must be non-empty printable ASCII without spaces or any of "
                        + "\" \\ , [ ] = ;");
        assertThatThrownBy(() -> new BrokerSecurity.Credentials("bob", "say \"hi\""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> security(Map.of("broker", "other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client user broker has the broker's own name");
    }

    @Test
    void neverPrintsPasswords() {
        assertThat(BROKER.toString()).doesNotContain("b-secret");
        assertThat(security(Map.of("alice", "a-secret")).toString()).doesNotContain("secret").doesNotContain("pass");
    }

    private static BrokerSecurity security(Map<String, String> users) {
        return new BrokerSecurity(Path.of("/tls/broker.p12"), "k-pass", Path.of("/tls/truststore.p12"), "t-pass",
                BROKER, users);
    }
}
