package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.contract.config.Env;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.RecordingEnv;
import io.newsflow.contract.config.SharedSettings;
import io.newsflow.publish.webhooks.RetryPolicy;
import io.newsflow.publish.webhooks.WebhookConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PublishSettingsTest {

    @Test
    void listsExactlyTheVariablesPublishConfigReads() {
        Set<String> shared = RecordingEnv.namesReadBy(PipelineSettings::fromEnv);
        Set<String> own = new TreeSet<>(RecordingEnv.namesReadBy(PublishConfig::fromEnv));
        own.removeAll(shared);
        assertThat(own).containsExactlyInAnyOrderElementsOf(PublishSettings.OWN.variableNames());
        assertThat(SharedSettings.CATALOGUE.variableNames()).containsAll(shared);
        assertThat(PublishSettings.CATALOGUE.settings()).containsAll(SharedSettings.CATALOGUE.settings())
                .containsAll(PublishSettings.OWN.settings())
                .hasSize(SharedSettings.CATALOGUE.settings().size() + PublishSettings.OWN.settings().size());
    }

    @Test
    void showsTheDefaultsTheCodeApplies() {
        PublishConfig defaults = PublishConfig.fromEnv(new Env(Map.of()));
        assertThat(defaults.httpHost()).isEqualTo("0.0.0.0");
        assertThat(defaultOf("NEWSFLOW_PUBLISH_HTTP_HOST")).isEqualTo("`0.0.0.0`");
        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaultOf("NEWSFLOW_PUBLISH_HTTP_PORT")).isEqualTo("`8080`");
        WebhookConfig webhooks = defaults.webhooks();
        assertThat(webhooks.configured()).isEmpty();
        assertThat(defaultOf("NEWSFLOW_WEBHOOKS")).isEqualTo("empty");
        assertThat(defaultOf("NEWSFLOW_WEBHOOKS_FILE")).isEqualTo("—");
        assertThat(webhooks.subscriptionsTopic()).isEqualTo("news.subscriptions");
        assertThat(defaultOf("NEWSFLOW_TOPIC_SUBSCRIPTIONS")).isEqualTo("`news.subscriptions`");
        assertThat(webhooks.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaultOf("NEWSFLOW_WEBHOOK_CONNECT_TIMEOUT")).isEqualTo("`5s`");
        assertThat(webhooks.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaultOf("NEWSFLOW_WEBHOOK_TIMEOUT")).isEqualTo("`10s`");
        assertThat(webhooks.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofHours(24)));
        assertThat(defaultOf("NEWSFLOW_WEBHOOK_BACKOFF_BASE")).isEqualTo("`1s`");
        assertThat(defaultOf("NEWSFLOW_WEBHOOK_BACKOFF_CAP")).isEqualTo("`1h`");
        assertThat(defaultOf("NEWSFLOW_WEBHOOK_MAX_AGE")).isEqualTo("`24h`");
    }

    @Test
    void refusesInvalidValuesNamingTheVariable() {
        assertThatThrownBy(() -> read("NEWSFLOW_PUBLISH_HTTP_PORT", "70000"))
                .hasMessage("NEWSFLOW_PUBLISH_HTTP_PORT=70000 is out of range: expected 0..65535");
        assertThatThrownBy(() -> read("NEWSFLOW_WEBHOOK_TIMEOUT", "soon"))
                .hasMessage("NEWSFLOW_WEBHOOK_TIMEOUT=soon is not a duration: use e.g. 500ms, 5s, 10m, 1h, 2d or "
                        + "ISO 8601 (PT5S)");
        assertThatThrownBy(() -> read("NEWSFLOW_TOPIC_SUBSCRIPTIONS", "a/b"))
                .hasMessageStartingWith("NEWSFLOW_TOPIC_SUBSCRIPTIONS=a/b is not a valid topic name");
        assertThatThrownBy(() -> read("NEWSFLOW_WEBHOOKS", "{"))
                .hasMessageStartingWith("NEWSFLOW_WEBHOOKS is not valid JSON");
    }

    @Test
    void refusesAMistypedVariableAtStart() {
        assertThat(PublishSettings.CATALOGUE.problems(new Env(Map.of("NEWSFLOW_WEBHOOK_MAXAGE", "1h"))))
                .containsExactly("NEWSFLOW_WEBHOOK_MAXAGE is not a setting of publish-service; did you mean "
                        + "NEWSFLOW_WEBHOOK_MAX_AGE?");
    }

    private static String defaultOf(String name) {
        return PublishSettings.OWN.setting(name).orElseThrow().defaultValue();
    }

    private static PublishConfig read(String name, String value) {
        return PublishConfig.fromEnv(new Env(Map.of(name, value)));
    }
}
