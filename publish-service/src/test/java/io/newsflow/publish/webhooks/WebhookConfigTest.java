package io.newsflow.publish.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookConfigTest {

    private static final String SECRET = "s3cret-s3cret-s3cret";

    @TempDir
    Path tmp;

    @Test
    void hasDocumentedDefaults() {
        WebhookConfig config = WebhookConfig.fromEnv(new Env(Map.of()));
        assertThat(config).isEqualTo(WebhookConfig.defaults());
        assertThat(config.subscriptionsTopic()).isEqualTo("news.subscriptions");
        assertThat(config.configured()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofHours(24)));
    }

    @Test
    void readsEveryVariable() throws Exception {
        Path file = Files.writeString(tmp.resolve("hooks.json"), """
                [{"id": "from-file", "url": "https://example.com/in", "secret": "%s"}]""".formatted(SECRET));
        WebhookConfig config = WebhookConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_WEBHOOKS_FILE", file.toString(),
                "NEWSFLOW_WEBHOOKS", """
                        [{"id": "inline", "url": "http://10.0.0.7:9000/hook", "secret": "%s",
                          "filter": {"language": "en", "place": "Kyiv"}}]""".formatted(SECRET),
                "NEWSFLOW_TOPIC_SUBSCRIPTIONS", "acme.subscriptions",
                "NEWSFLOW_WEBHOOK_CONNECT_TIMEOUT", "2s",
                "NEWSFLOW_WEBHOOK_TIMEOUT", "PT30S",
                "NEWSFLOW_WEBHOOK_BACKOFF_BASE", "250ms",
                "NEWSFLOW_WEBHOOK_BACKOFF_CAP", "10m",
                "NEWSFLOW_WEBHOOK_MAX_AGE", "2d")));
        assertThat(config.subscriptionsTopic()).isEqualTo("acme.subscriptions");
        assertThat(config.configured()).extracting(Subscription::id).containsExactly("from-file", "inline");
        Subscription inline = config.configured().get(1);
        assertThat(inline.url()).isEqualTo("http://10.0.0.7:9000/hook");
        assertThat(inline.secret()).isEqualTo(SECRET);
        assertThat(inline.filter()).isEqualTo(new SubscriptionFilter("en", null, null, null, "Kyiv"));
        assertThat(inline.configured()).isTrue();
        assertThat(config.configured().get(0).filter()).isEqualTo(SubscriptionFilter.NONE);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retry()).isEqualTo(new RetryPolicy(Duration.ofMillis(250), Duration.ofMinutes(10),
                Duration.ofDays(2)));
    }

    @Test
    void failsOnInvalidSubscriptionsNamingTheSettingTheEntryAndTheField() {
        assertThatThrownBy(() -> hooks("[{\"id\":\"a\",\"url\":\"/relative\",\"secret\":\"" + SECRET + "\"}]"))
                .hasMessage("NEWSFLOW_WEBHOOKS[0]: field 'url' must be an absolute http or https URL, got '/relative'");
        assertThatThrownBy(() -> hooks("[{\"id\":\"a\",\"url\":\"ftp://x/y\",\"secret\":\"" + SECRET + "\"}]"))
                .hasMessageContaining("NEWSFLOW_WEBHOOKS[0]: field 'url' must be an absolute http or https URL");
        assertThatThrownBy(() -> hooks("[{\"id\":\"a\",\"url\":\"http://x/\",\"secret\":\"short\"}]"))
                .hasMessage("NEWSFLOW_WEBHOOKS[0]: field 'secret' must be 16 to 1024 characters long, got 5");
        assertThatThrownBy(() -> hooks("[{\"url\":\"http://x/\",\"secret\":\"" + SECRET + "\"}]"))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS[0]: field 'id' is required");
        assertThatThrownBy(() -> hooks("[{\"id\":\"a\",\"url\":\"http://x/\",\"secret\":\"" + SECRET
                + "\",\"filter\":{\"country\":\"fr\"}}]"))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS[0]: field 'filter.country' is not known");
        assertThatThrownBy(() -> hooks("[{\"id\":\"a\",\"url\":\"http://x/\",\"secret\":\"" + SECRET + "\"},"
                + "{\"id\":\"a\",\"url\":\"http://y/\",\"secret\":\"" + SECRET + "\"}]"))
                .hasMessage("NEWSFLOW_WEBHOOKS[1]: id 'a' is already used by a subscription in NEWSFLOW_WEBHOOKS");
        assertThatThrownBy(() -> hooks("{\"id\":\"a\"}"))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS must be a JSON array");
        assertThatThrownBy(() -> hooks("[{\"id\":"))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS is not valid JSON");
        assertThatThrownBy(() -> WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_WEBHOOKS_FILE",
                tmp.resolve("missing.json").toString()))))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS_FILE=" + tmp.resolve("missing.json") + " cannot be read");
    }

    @Test
    void failsOnInvalidDurationsAndTopicNamingTheVariable() {
        assertThatThrownBy(() -> WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_WEBHOOK_MAX_AGE", "a day"))))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOK_MAX_AGE=a day is not a duration");
        assertThatThrownBy(() -> WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_WEBHOOK_TIMEOUT", "0s"))))
                .hasMessage("NEWSFLOW_WEBHOOK_TIMEOUT=0s is too short: at least 1ms");
        assertThatThrownBy(() -> WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_WEBHOOK_BACKOFF_BASE", "2m",
                "NEWSFLOW_WEBHOOK_BACKOFF_CAP", "1m"))))
                .hasMessage("NEWSFLOW_WEBHOOK_BACKOFF_CAP (1 min) must not be below NEWSFLOW_WEBHOOK_BACKOFF_BASE (2 min)");
        assertThatThrownBy(() -> WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_TOPIC_SUBSCRIPTIONS", "no spaces"))))
                .hasMessageStartingWith("NEWSFLOW_TOPIC_SUBSCRIPTIONS=no spaces is not a valid topic name");
    }

    @Test
    void readsShortAndIsoDurations() {
        assertThat(DurationSetting.parse("X", "200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(DurationSetting.parse("X", "3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(DurationSetting.parse("X", "15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationSetting.parse("X", "24h")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationSetting.parse("X", "1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationSetting.parse("X", "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    private static WebhookConfig hooks(String json) {
        return WebhookConfig.fromEnv(new Env(Map.of("NEWSFLOW_WEBHOOKS", json)));
    }
}
