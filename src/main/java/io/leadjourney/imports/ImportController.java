package io.leadjourney.imports;

import io.leadjourney.support.ConflictException;
import io.leadjourney.support.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Bulk import of lead lists (purchased lists, trade-show scans) from CSV")
class ImportController {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final String ROW_STATUSES = "must be PENDING, ACCEPTED, DUPLICATE, REJECTED or CANCELLED";

    private final LeadImportService imports;
    private final ImportQueries queries;
    private final ImportProcessor processor;

    ImportController(LeadImportService imports, ImportQueries queries, ImportProcessor processor) {
        this.imports = imports;
        this.queries = queries;
        this.processor = processor;
    }

    @Operation(summary = "Import a CSV lead list", description = "Groups: integration, marketing, admins."
            + " Multipart field `file`: UTF-8 CSV, a header row, comma or semicolon. Every row is judged at once"
            + " (rejected with the reason, or a duplicate of an earlier row); valid rows become leads with journeys"
            + " in the background, in chunks. 202 with Location: follow GET /api/imports/{id} for progress.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportView> upload(@RequestPart(LeadImportService.FILE) MultipartFile file,
                                      @RequestParam(required = false) @Size(max = 100) String source,
                                      Principal principal) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidFieldException(LeadImportService.FILE, "is empty; the first line must name the columns");
        }
        String name = file.getOriginalFilename();
        String defaultSource = source != null && !source.isBlank() ? source.trim() : "import";
        if (name != null && !name.toLowerCase(Locale.ROOT).endsWith(".csv") && !name.toLowerCase(Locale.ROOT)
                .endsWith(".txt")) {
            throw new InvalidFieldException(LeadImportService.FILE, "must be a .csv file (got " + name + ")");
        }
        ImportView view;
        try (InputStream in = file.getInputStream()) {
            view = imports.upload(in, name, defaultSource, principal.getName());
        }
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(view.id()).toUri()).body(view);
    }

    @Operation(summary = "Progress of an import", description = "Groups: integration, marketing, managers, admins."
            + " Rows done of the total, the verdicts so far, the worker's rate and the time left at that rate.")
    @GetMapping("/{id}")
    ImportView progress(@PathVariable long id) {
        return queries.find(id);
    }

    @Operation(summary = "Cancel an import", description = "Groups: integration, marketing, admins. The rows not"
            + " yet done are CANCELLED; leads already made stay. 204; 409 when the import has already finished.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> cancel(@PathVariable long id, Principal principal) {
        ImportView view = queries.find(id);
        if (!processor.cancel(id, principal.getName())) {
            throw new ConflictException("Import " + id + " is " + view.status() + "; only a running import can be"
                    + " cancelled");
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The row report of an import", description = "Groups: integration, marketing, managers,"
            + " admins. Each row of the file (its line number) with"
            + " its verdict: PENDING, ACCEPTED (with the lead id), DUPLICATE or REJECTED (with the reason).")
    @GetMapping("/{id}/rows")
    List<ImportRowView> rows(@PathVariable long id, @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        ImportStatus wanted = null;
        if (status != null) {
            try {
                wanted = ImportStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("status", ROW_STATUSES);
            }
            if (wanted == ImportStatus.RUNNING || wanted == ImportStatus.DONE) {
                throw new InvalidFieldException("status", ROW_STATUSES);
            }
        }
        return queries.rows(id, wanted, page, size);
    }
}
