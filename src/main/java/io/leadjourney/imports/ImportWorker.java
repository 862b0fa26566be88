package io.leadjourney.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works off running imports, a chunk at a time, on every node. A chunk that fails is done again row by row, so
 * one row the intake refuses is rejected with the error instead of stopping the import.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportProcessor processor;
    private final ImportProperties properties;

    ImportWorker(ImportProcessor processor, ImportProperties properties) {
        this.processor = processor;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${leadjourney.imports.poll-interval}",
            initialDelayString = "${leadjourney.imports.poll-interval}")
    void workOffImports() {
        for (long importId : processor.running()) {
            workOff(importId);
        }
    }

    /** Does the import's pending rows until none is left (or another node has it). */
    void workOff(long importId) {
        while (true) {
            try {
                if (!processor.nextChunk(importId, properties.chunkSize())) {
                    return;
                }
            } catch (RuntimeException chunkFailed) {
                log.warn("Import {}: a chunk failed ({}); doing it row by row", importId, chunkFailed.toString());
                for (int i = 0; i < properties.chunkSize(); i++) {
                    try {
                        if (!processor.nextChunk(importId, 1)) {
                            return;
                        }
                    } catch (RuntimeException rowFailed) {
                        log.warn("Import {}: a row failed: {}", importId, rowFailed.toString());
                        processor.reject(importId, rowFailed.getMessage() == null ? rowFailed.toString()
                                : rowFailed.getMessage());
                    }
                }
            }
        }
    }
}
