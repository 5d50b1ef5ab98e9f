package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.EnrichedArticle;
import io.newsflow.contract.JsonSerde;
import io.newsflow.contract.Topics;
import io.newsflow.contract.config.PipelineSettings;
import io.newsflow.contract.config.TopicAdmin;
import io.newsflow.contract.ninjs.NinjsDocument;
import io.newsflow.kafka.test.KafkaBrokerExtension;
import io.newsflow.kafka.test.TestKafka;
import io.newsflow.kafka.test.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish started on the state an earlier build left (its versions and embargoes in three-partition changelogs,
 * articles waiting in its by-id repartition topic) carries on from it: the next version of a known article is
 * version 2, a held embargo is still released, a waiting article is published, one already versioned is not.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PublishStateMigrationIT {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void carriesVersionsEmbargoesAndWaitingArticlesOverFromTheEarlierBuild(TestKafka kafka) throws Exception {
        // Given the state an earlier build of publish left: story-1 published as version 1, story-2 held under
        // embargo, story-4 versioned already and story-3 waiting in the by-id repartition topic
        PipelineSettings settings = earlierBuildsTopics(kafka, "migration-it");
        PublishStateMigration migration = new PublishStateMigration(settings, 3);
        String app = settings.applicationId(PublishConfig.SERVICE);
        String oldVersions = app + "-published-articles-changelog";
        String oldEmbargoes = app + "-embargoed-articles-changelog";
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            admin.createTopics(List.of(compacted(oldVersions), compacted(oldEmbargoes),
                    new NewTopic(migration.oldRepartition(), Optional.of(3), Optional.empty()))).all().get();
        }
        TopicProbe probe = new TopicProbe(kafka);
        EnrichedArticle story1 = EnrichedArticle.basic("story-1", "test", RECEIVED, "First headline",
                List.of("First text."), "hash-1");
        NinjsDocument version1 = NinjsMapper.toNinjs(story1, 1, RECEIVED, RECEIVED.plusSeconds(1));
        probe.send(new ProducerRecord<>(oldVersions, 2, "story-1",
                JsonSerde.of(PublishedArticle.class).serializer().serialize("t", new PublishedArticle("hash-1", version1))));
        EnrichedArticle story2 = EnrichedArticle.basic("story-2", "test", RECEIVED, "Embargoed headline",
                List.of("Embargoed text."), "hash-2").withEmbargoedUntil(Instant.now().plusSeconds(3));
        probe.send(new ProducerRecord<>(oldEmbargoes, 1, "story-2", screened(story2)));
        EnrichedArticle story4 = EnrichedArticle.basic("story-4", "test", RECEIVED, "Versioned already",
                List.of("Versioned text."), "hash-4");
        EnrichedArticle story3 = EnrichedArticle.basic("story-3", "test", RECEIVED, "Waiting headline",
                List.of("Waiting text."), "hash-3");
        probe.send(new ProducerRecord<>(migration.oldRepartition(), 0, "story-4", screened(story4)));
        probe.send(new ProducerRecord<>(migration.oldRepartition(), 0, "story-3", screened(story3)));
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            admin.alterConsumerGroupOffsets(app, Map.of(new TopicPartition(migration.oldRepartition(), 0),
                    new OffsetAndMetadata(1))).all().get();
        }

        // When this build's publish starts on it, and a correction of story-1 arrives
        Topics topics = Topics.of(settings.topics());
        try (PublishService service = new PublishService(new PublishConfig(settings, "127.0.0.1", 0))) {
            service.start();
            EnrichedArticle corrected = EnrichedArticle.basic("story-1", "test", RECEIVED.plusSeconds(60),
                    "Corrected headline", List.of("Corrected text."), "hash-1b");
            probe.send(new ProducerRecord<>(topics.enriched().name(), "story-1",
                    topics.enriched().valueSerde().serializer().serialize("t", corrected)));

            // Then story-3 and the correction are published at once, story-2 when its embargo ends, story-4 not again
            List<ConsumerRecord<String, byte[]>> published = probe.read(topics.published().name(), 3,
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            Map<String, NinjsDocument> byUri = new java.util.HashMap<>();
            published.forEach(record -> byUri.put(record.key(),
                    topics.published().valueSerde().deserializer().deserialize("t", record.value())));
            assertThat(byUri).containsOnlyKeys("urn:newsflow:article:story-1", "urn:newsflow:article:story-2",
                    "urn:newsflow:article:story-3");
            NinjsDocument story1Now = byUri.get("urn:newsflow:article:story-1");
            assertThat(story1Now.version()).isEqualTo("2");
            assertThat(story1Now.firstcreated()).isEqualTo(version1.firstcreated());
            assertThat(story1Now.mainHeadline()).isEqualTo("Corrected headline");
            assertThat(byUri.get("urn:newsflow:article:story-2").version()).isEqualTo("1");
            assertThat(byUri.get("urn:newsflow:article:story-3").version()).isEqualTo("1");
        }

        // And the earlier build's topics are gone; the new changelogs have the one partition Streams expects
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(oldVersions, oldEmbargoes,
                    migration.oldRepartition());
            for (String changelog : migration.changelogMoves().values()) {
                assertThat(admin.describeTopics(List.of(changelog)).allTopicNames().get().get(changelog)
                        .partitions()).hasSize(1);
            }
        }
        // And a second start finds nothing left to move
        assertThat(migration.run()).isZero();
    }

    @Test
    void carriesArticlesWaitingInTheRepartitionOfAOnePartitionNewsEnrichedOver(TestKafka kafka) throws Exception {
        // Given a news.enriched of one partition (NEWSFLOW_TOPIC_PARTITIONS=1, or created by this build) that the
        // build before this one still repartitioned: story-5 screened already, story-6 waiting in the repartition
        PipelineSettings settings = IsolatedPublishService.settings(kafka, tmp, "migration-one-it", 1);
        PublishStateMigration migration = new PublishStateMigration(settings, 1);
        String app = settings.applicationId(PublishConfig.SERVICE);
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            admin.createTopics(List.of(new NewTopic(migration.allArticles(), Optional.of(1), Optional.empty())))
                    .all().get();
            TopicAdmin.awaitLeaders(admin, List.of(migration.allArticles()));
        }
        Topics topics = Topics.of(settings.topics());
        TopicProbe probe = new TopicProbe(kafka);
        for (String id : List.of("story-5", "story-6")) {
            EnrichedArticle article = EnrichedArticle.basic(id, "test", RECEIVED, "Headline of " + id,
                    List.of("Text of " + id + "."), "hash-" + id);
            probe.send(new ProducerRecord<>(migration.allArticles(), 0, id,
                    topics.enriched().valueSerde().serializer().serialize("t", article)));
        }
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            admin.alterConsumerGroupOffsets(app, Map.of(new TopicPartition(migration.allArticles(), 0),
                    new OffsetAndMetadata(1))).all().get();
        }

        // When this build's publish starts, reading news.enriched directly
        try (PublishService service = new PublishService(new PublishConfig(settings, "127.0.0.1", 0))) {
            service.start();

            // Then story-6 is published, story-5 not again, and the repartition topic is gone
            List<ConsumerRecord<String, byte[]>> published = probe.read(topics.published().name(), 1,
                    Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(published).extracting(ConsumerRecord::key).containsExactly("urn:newsflow:article:story-6");
        }
        try (Admin admin = Admin.create(settings.kafka().adminConfig("migration-it-admin"))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(migration.allArticles());
        }
    }

    /** Topics of a run of its own as an earlier build created them: news.enriched with 3 partitions like the rest. */
    private PipelineSettings earlierBuildsTopics(TestKafka kafka, String name) throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = PipelineSettings.forRun(kafka.bootstrapServers(), run, 3, tmp);
        try (Admin admin = Admin.create(settings.kafka().adminConfig(run + "-admin"))) {
            admin.createTopics(List.of(new NewTopic(settings.topics().enriched(), Optional.of(3), Optional.empty())))
                    .all().get();
            TopicAdmin.awaitLeaders(admin, List.of(settings.topics().enriched()));
        }
        TopicAdmin.ensureTopics(settings, run + "-admin");
        return settings;
    }

    private static NewTopic compacted(String name) {
        return new NewTopic(name, Optional.of(3), Optional.empty()).configs(Map.of("cleanup.policy", "compact"));
    }

    private static byte[] screened(EnrichedArticle article) {
        return JsonSerde.of(Screened.class).serializer().serialize("t", new Screened(article, null, null));
    }
}
