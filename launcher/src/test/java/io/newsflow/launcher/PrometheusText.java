package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Prometheus' text format, read just enough for these assertions: one sample per line, comments left out. */
record PrometheusText(String body) {

    private List<String> samples() {
        return body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    List<String> names() {
        return samples().stream().map(line -> line.split("[{ ]", 2)[0]).toList();
    }

    /** The label sets of the samples named {@code name}, as written ({@code a="1",b="2"}). */
    List<String> series(String name) {
        return samples().stream().filter(line -> line.startsWith(name + "{"))
                .map(line -> line.substring(name.length() + 1, line.lastIndexOf('}'))).toList();
    }

    /** The value of the one sample named {@code name} whose labels include {@code label}. */
    double value(String name, String label) {
        List<String> matching = samples().stream()
                .filter(line -> line.startsWith(name + "{") && line.contains(label)).toList();
        assertThat(matching).as(name + " with " + label).hasSize(1);
        String line = matching.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
