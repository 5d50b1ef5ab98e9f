package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.contract.config.Setting;
import io.newsflow.contract.config.SettingCatalogue;
import io.newsflow.contract.config.SharedSettings;
import io.newsflow.enrich.EnrichSettings;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.publish.PublishSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README's "Configuration" table is the settings catalogues as Markdown. When a setting changes, this test fails and
 * prints the table to paste into README.md.
 */
class ConfigurationTableTest {

    static final String MARKER = "<!-- The table below is the settings catalogues (SharedSettings, IngestSettings, "
            + "EnrichSettings, PublishSettings, LauncherSettings); ConfigurationTableTest fails when they differ. -->";

    /** Who reads which settings, in the table's order. */
    static final Map<String, SettingCatalogue> BY_READER = readers();

    @Test
    void readmeShowsEverySettingOfTheCataloguesAsTheyAre() throws IOException {
        String expected = table();
        assertThat(readmeTable()).as("README.md's settings table; replace it with:%n%s", expected)
                .isEqualTo(expected);
    }

    @Test
    void theTableCoversEverythingTheLauncherAccepts() {
        List<Setting> rows = new ArrayList<>();
        BY_READER.values().forEach(catalogue -> rows.addAll(catalogue.settings()));
        assertThat(rows).containsExactlyElementsOf(LauncherSettings.CATALOGUE.settings());
    }

    static String table() {
        StringBuilder table = new StringBuilder("| variable | service | default | meaning |\n| --- | --- | --- | --- |\n");
        BY_READER.forEach((reader, catalogue) -> catalogue.settings().forEach(setting -> table.append("| `")
                .append(setting.name()).append("` | ").append(reader).append(" | ").append(setting.defaultValue())
                .append(" | ").append(setting.meaning()).append(" |\n")));
        return table.toString();
    }

    /** The lines starting with {@code |} that follow the marker. */
    private static String readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int marker = lines.indexOf(MARKER);
        assertThat(marker).as("README.md has the line %s", MARKER).isNotNegative();
        StringBuilder table = new StringBuilder();
        for (String line : lines.subList(marker + 1, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            table.append(line).append('\n');
        }
        return table.toString();
    }

    private static Map<String, SettingCatalogue> readers() {
        Map<String, SettingCatalogue> readers = new LinkedHashMap<>();
        readers.put("all", SharedSettings.CATALOGUE);
        readers.put("ingest", IngestSettings.OWN);
        readers.put("enrich", EnrichSettings.OWN);
        readers.put("publish", PublishSettings.OWN);
        readers.put("`./newsflow`", LauncherSettings.OWN);
        return readers;
    }
}
