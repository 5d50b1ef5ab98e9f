package io.newsflow.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * SASL_SSL with SCRAM-SHA-512 on the embedded broker's client listener: TLS from a PKCS12 key store, users
 * authenticated by SCRAM. The broker authenticates to itself as {@code broker} (Kafka's transaction markers and other
 * inter-broker requests go through the same listener); clients log in as one of {@code users}.
 *
 * <p>SCRAM credentials live in the cluster metadata, so they are added when the storage is formatted, on the first
 * start of a data directory: later starts keep the users that directory was formatted with. The broker writes its
 * settings, these passwords included, to {@code server.properties} in its data directory: it is a broker for tests and
 * development machines, not a keeper of production secrets.
 *
 * @param keyStore           PKCS12 key store with the broker's key and certificate (valid for 127.0.0.1)
 * @param keyStorePassword   its password (also the key's)
 * @param trustStore         PKCS12 trust store holding that certificate, for the broker's own client side
 * @param trustStorePassword its password
 * @param broker             the broker's own SCRAM user
 * @param users              client users, name to password
 */
public record BrokerSecurity(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                             Credentials broker, Map<String, String> users) {

    public static final String PROTOCOL = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String STORE_TYPE = "PKCS12";

    /** A SCRAM user. */
    public record Credentials(String user, String password) {
        public Credentials {
            requirePlain("user name", user);
            requirePlain("password of " + user, password);
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    public BrokerSecurity {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(broker, "broker");
        users.forEach(Credentials::new);
        if (users.containsKey(broker.user())) {
            throw new IllegalArgumentException("client user " + broker.user() + " has the broker's own name");
        }
        users = Map.copyOf(users);
    }

    @Override
    public String toString() {
        return "BrokerSecurity[keyStore=" + keyStore + ", trustStore=" + trustStore + ", broker=" + broker.user()
                + ", users=" + new TreeMap<>(users).keySet() + "]";
    }

    /** The JAAS line a client (or the broker) logs in with. */
    public static String jaasConfig(Credentials credentials) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + credentials.user()
                + "\" password=\"" + credentials.password() + "\";";
    }

    /** What a client needs besides {@code bootstrap.servers} to log in as {@code credentials}. */
    public Map<String, Object> clientConfig(Credentials credentials) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(credentials));
        config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toAbsolutePath().toString());
        config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, trustStorePassword);
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, STORE_TYPE);
        return config;
    }

    /** Broker properties for a client listener named {@value #PROTOCOL} that is also the inter-broker listener. */
    Map<String, String> brokerProperties() {
        String listener = "listener.name." + PROTOCOL.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> props = new HashMap<>();
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put(listener + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", jaasConfig(broker));
        props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyStore.toAbsolutePath().toString());
        props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, keyStorePassword);
        props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, keyStorePassword);
        props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, STORE_TYPE);
        props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toAbsolutePath().toString());
        props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, trustStorePassword);
        props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, STORE_TYPE);
        return props;
    }

    /** {@code --add-scram} arguments of Kafka's storage tool: the broker's user, then every client user. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        addScram(args, broker);
        new TreeMap<>(users).forEach((user, password) -> addScram(args, new Credentials(user, password)));
        return args;
    }

    private static void addScram(List<String> args, Credentials credentials) {
        args.add("--add-scram");
        args.add(MECHANISM + "=[name=" + credentials.user() + ",password=" + credentials.password() + "]");
    }

    /**
     * Names and passwords go unquoted into the storage tool's {@code [name=..,password=..]} and quoted into JAAS lines:
     * characters that would end either are refused rather than escaped.
     */
    private static void requirePlain(String what, String value) {
        if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c > ' ' && c < 127
                && "\"\\,[]=;".indexOf(c) < 0)) {
            throw new IllegalArgumentException(what + " must be non-empty printable ASCII without spaces or any of "
                    + "\" \\ , [ ] = ;");
        }
    }
}
