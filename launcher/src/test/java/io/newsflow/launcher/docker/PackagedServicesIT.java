package io.newsflow.launcher.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contract.ServiceMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Dockerfile against what {@code mvn package} built (run in the reactor, e.g. {@code mvn verify} or
 * {@code -pl launcher -am}): what its runtime stage copies exists, the jar it runs finds its classes in the lib it
 * copies, and that jar, started as the ENTRYPOINT starts it, refuses a mistyped setting with status 64.
 */
class PackagedServicesIT {

    @TempDir
    Path tmp;

    @Test
    void copiesWhatThePackageBuildMakesAndRunsTheJarItCopies() throws IOException {
        for (PackagedService service : PackagedService.values()) {
            Dockerfile.Stage runtime = Dockerfile.read(service.dockerfile()).last();
            Map<String, String> copies = copies(runtime);
            String name = service.serviceName();
            assertThat(copies).as(name).isEqualTo(Map.of(
                    "/src/" + name + "/target/lib", "/app/lib",
                    "/src/" + name + "/target/" + name + ".jar", "/app/" + name + ".jar"));
            for (String source : copies.keySet()) {
                assertThat(inBuild(source)).as("%s copies %s, which mvn package makes", name, source).exists();
            }
            List<String> entrypoint = entrypoint(runtime);
            assertThat(entrypoint.get(0)).isEqualTo("java");
            assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
                    .containsExactly("-jar", "/app/" + name + ".jar");
        }
    }

    @Test
    void eachJarFindsItsMainClassAndEveryLibraryItNamesInItsLib() throws IOException {
        for (PackagedService service : PackagedService.values()) {
            Path target = service.module().resolve("target");
            try (JarFile jar = new JarFile(target.resolve(service.serviceName() + ".jar").toFile())) {
                Attributes manifest = jar.getManifest().getMainAttributes();
                assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(service.mainClass());
                assertThat(jar.getEntry(service.mainClass().replace('.', '/') + ".class")).isNotNull();
                List<String> classPath = Arrays.asList(manifest.getValue(Attributes.Name.CLASS_PATH).split(" "));
                assertThat(classPath).as(service.serviceName()).isNotEmpty().allMatch(entry -> entry.startsWith("lib/"))
                        .anyMatch(entry -> entry.startsWith("lib/newsflow-contract-"))
                        .anyMatch(entry -> entry.startsWith("lib/kafka-streams-"));
                for (String entry : classPath) {
                    assertThat(target.resolve(entry)).as(service.serviceName()).isRegularFile();
                }
            }
        }
    }

    @Test
    void theEntrypointRefusesAMistypedSettingNamingItAndTheSettingItMeant() throws Exception {
        for (PackagedService service : PackagedService.values()) {
            String name = service.serviceName();
            Output run = entrypoint(service, Map.of("NEWSFLOW_TOPIC_PARTITION", "6"));
            assertThat(run.status()).as(run.stderr()).isEqualTo(ServiceMain.EXIT_BAD_SETTINGS);
            assertThat(run.stderr().lines().filter(line -> line.contains(" ERROR ")).toList())
                    .as(name).singleElement().asString()
                    .endsWith(" - " + name + " cannot start: NEWSFLOW_TOPIC_PARTITION is not a setting of " + name
                            + "; did you mean NEWSFLOW_TOPIC_PARTITIONS? (" + name + "'s settings: README.md, "
                            + "\"Configuration\")");
        }
    }

    @Test
    void theEntrypointRefusesAKafkaSettingItsClientDoesNotHave() throws Exception {
        Output run = entrypoint(PackagedService.ENRICH, Map.of("KAFKA_CLIENT_LINGER_MS", "5"));
        assertThat(run.status()).as(run.stderr()).isEqualTo(ServiceMain.EXIT_BAD_SETTINGS);
        assertThat(run.stderr()).contains("enrich-service cannot start: KAFKA_CLIENT_LINGER_MS: linger.ms is not a "
                + "setting of every Kafka client (producer, consumer, admin) (use KAFKA_PRODUCER_LINGER_MS)");
    }

    /** The image's ENTRYPOINT with this machine's java and the jar where mvn package left it, in env + its ENV. */
    private Output entrypoint(PackagedService service, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(entrypoint(Dockerfile.read(service.dockerfile()).last()));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.set(command.size() - 1, inBuild(copiedFrom(service, command.get(command.size() - 1))).toString());
        Path stdout = tmp.resolve(service.serviceName() + ".out");
        Path stderr = tmp.resolve(service.serviceName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("KAFKA_") || key.startsWith("NEWSFLOW_"));
        builder.environment().putAll(ComposeFileTest.dockerfileEnv(service));
        builder.environment().put("NEWSFLOW_STATE_DIR", tmp.resolve("state").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(service.serviceName() + " did not stop within 120 s: "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Output(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Output(int status, String stderr) {
    }

    /** The build-stage path a runtime path of the image was copied from. */
    private static String copiedFrom(PackagedService service, String imagePath) throws IOException {
        return copies(Dockerfile.read(service.dockerfile()).last()).entrySet().stream()
                .filter(copy -> copy.getValue().equals(imagePath)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError(imagePath + " is copied from nowhere"));
    }

    /** Where a path of the build stage ({@code /src} holds the repository) is on this machine. */
    private static Path inBuild(String buildPath) {
        assertThat(buildPath).startsWith("/src/");
        return PackagedService.ROOT.resolve(buildPath.substring("/src/".length()));
    }

    /** {@code COPY --from=build SOURCE DEST} lines: source to destination. */
    private static Map<String, String> copies(Dockerfile.Stage runtime) {
        Map<String, String> copies = new LinkedHashMap<>();
        for (String copy : runtime.all("COPY")) {
            String[] words = copy.split(" ");
            assertThat(words).as(copy).hasSize(3);
            assertThat(words[0]).isEqualTo("--from=build");
            copies.put(words[1], words[2]);
        }
        return copies;
    }

    /** The exec form {@code ENTRYPOINT ["java", ...]} as a list. */
    private static List<String> entrypoint(Dockerfile.Stage runtime) throws IOException {
        return new ObjectMapper().readValue(runtime.only("ENTRYPOINT"), new TypeReference<List<String>>() { });
    }
}
