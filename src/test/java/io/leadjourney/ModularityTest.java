package io.leadjourney;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages under {@code io.leadjourney} are Spring Modulith modules, and their arrows point one way: a cycle
 * between modules, or a reach into another module's internals, fails the build. The modules' documentation
 * (a component diagram and a canvas per module) is generated into {@code docs/modules/}; it must be what the code
 * says, so after moving a dependency run {@code ./mvnw test -Dtest=ModularityTest -Dmodules.write=true}.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(LeadJourneyApplication.class);
    private static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesDependOnEachOtherOneWayOnly() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWhatTheCodeSays() throws IOException {
        boolean write = Boolean.getBoolean("modules.write");
        Path out = write ? DOCS : Path.of("target", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        if (write) {
            return;
        }
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path generated : files.sorted().toList()) {
                Path committed = DOCS.resolve(generated.getFileName());
                if (!Files.exists(committed) || !sameLines(committed, generated)) {
                    stale.add(committed.toString());
                }
            }
        }
        assertThat(stale).as("docs/modules files that differ from the code; refresh them with"
                + " ./mvnw test -Dtest=ModularityTest -Dmodules.write=true").isEmpty();
    }

    /** Modulith writes a diagram's elements in an order that varies from run to run; what they say does not. */
    private static boolean sameLines(Path committed, Path generated) throws IOException {
        List<String> expected = new ArrayList<>(Files.readAllLines(committed));
        List<String> actual = new ArrayList<>(Files.readAllLines(generated));
        expected.sort(null);
        actual.sort(null);
        return expected.equals(actual);
    }
}
