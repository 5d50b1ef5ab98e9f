package io.newsflow.launcher.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Dockerfile read as its stages' instructions (comments dropped, continued lines joined): enough for the checks on
 * newsflow's own, which use no parser directives or heredocs.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {
    }

    record Stage(List<Instruction> instructions) {

        /** The {@code FROM} line's arguments, e.g. {@code maven:3.9-eclipse-temurin-17 AS build}. */
        String from() {
            return instructions.get(0).arguments();
        }

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        /** The arguments of the only instruction with this keyword; fails if there is none or several. */
        String only(String keyword) {
            List<String> found = all(keyword);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + keyword + ", found " + found);
            }
            return found.get(0);
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            logical.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        List<Stage> stages = new ArrayList<>();
        List<Instruction> instructions = null;
        for (String line : logical) {
            int space = line.indexOf(' ');
            Instruction instruction = new Instruction(line.substring(0, space), line.substring(space + 1));
            if (instruction.keyword().equals("FROM")) {
                instructions = new ArrayList<>();
                stages.add(new Stage(instructions));
            } else if (instructions == null) {
                throw new AssertionError(file + ": " + line + " comes before any FROM");
            }
            instructions.add(instruction);
        }
        return new Dockerfile(stages.stream().map(stage -> new Stage(List.copyOf(stage.instructions()))).toList());
    }

    Stage last() {
        return stages.get(stages.size() - 1);
    }
}
