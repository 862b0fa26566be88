package io.leadjourney;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README and {@code docs/} true: a README a newcomer reads in five minutes, with run, test, the users and
 * the docs index on its first screen; every link to a file in the repository leads to one; every Maven profile,
 * script, model and test a page names exists.
 */
class DocumentationTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern PROFILE = Pattern.compile("\\./mvnw[^\\n`]*?-P([\\w,-]+)");
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.-])((?:scripts|bpmn|forms|deploy|docs|src)/[\\w./-]*\\.(?:sh|mjs|bpmn|dmn|form|json|conf|md|png|svg|java|sql|yaml))(?![\\w.-])");
    private static final Pattern TEST_CLASS = Pattern.compile("`([A-Z][a-z]\\w*(?:IT|Test))`");

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theReadmeIsReadInFiveMinutesAndStartsWithWhatANewcomerNeeds() throws IOException {
        assertThat(Files.size(README)).as("README.md in bytes").isLessThanOrEqualTo(15 * 1024);
        String firstScreen = String.join("\n", Files.readAllLines(README).subList(0, 60));
        assertThat(firstScreen).contains("./mvnw spring-boot:run", "./mvnw verify", "| `rep-a` | `rep-a` |",
                "## Documentation");
    }

    @Test
    void everyLinkToAFileOfTheRepositoryLeadsToOne() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                Path file = page.resolveSibling(target.replaceFirst("#.*", "")).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void everyProfileScriptModelAndTestAPageNamesExists() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Set<String> missing = new LinkedHashSet<>();
        for (Path page : pages()) {
            String text = Files.readString(page);
            Matcher profile = PROFILE.matcher(text);
            while (profile.find()) {
                for (String id : profile.group(1).split(",")) {
                    if (!pom.contains("<id>" + id + "</id>")) {
                        missing.add(page + ": Maven profile " + id);
                    }
                }
            }
            Matcher path = REPO_PATH.matcher(text);
            while (path.find()) {
                if (!Files.exists(Path.of(path.group(1)))) {
                    missing.add(page + ": " + path.group(1));
                }
            }
            Matcher test = TEST_CLASS.matcher(text);
            while (test.find()) {
                if (!testClassExists(test.group(1))) {
                    missing.add(page + ": test " + test.group(1));
                }
            }
        }
        assertThat(missing).as("named on a page, not in the repository").isEmpty();
    }

    private static boolean testClassExists(String name) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.anyMatch(file -> file.getFileName().toString().equals(name + ".java"));
        }
    }
}
