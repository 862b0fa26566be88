package io.leadjourney.review;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.leadjourney.support.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;

@RestController
@Tag(name = "Definition", description = "The qualified-lead definition: forecast, review, signatures")
class DefinitionReviewController {

    private final DefinitionReviewService reviews;
    private final DefinitionReviewProcess process;

    DefinitionReviewController(DefinitionReviewService reviews, DefinitionReviewProcess process) {
        this.reviews = reviews;
        this.process = process;
    }

    /**
     * Opens a review of a candidate definition (a DMN file edited in Modeler, not deployed), forecast over the
     * leads captured from {@code from} to {@code to}; marketing and sales each get a task to sign or reject it.
     */
    @Operation(summary = "Open a review of a candidate definition", description = "Groups: marketing, managers,"
            + " admins. Multipart: file (a DMN table from Modeler, not deployed), from, to. Marketing and sales each"
            + " get a task to sign or reject it; when both sign, it is deployed. 201 with the review.")
    @PostMapping(path = "/api/definition/reviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DefinitionReviewService.ReviewView> open(
            @RequestPart("file") MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication caller) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidFieldException("file", "is empty");
        }
        long id = process.start(file.getOriginalFilename(), file.getBytes(), from, to, caller.getName());
        return ResponseEntity.created(URI.create("/api/definition/reviews/" + id)).body(reviews.find(id));
    }

    @Operation(summary = "Read a review", description = "Groups: marketing, managers, admins. Its forecast, who"
            + " signed or rejected it, and how it ended.")
    @GetMapping("/api/definition/reviews/{id}")
    DefinitionReviewService.ReviewView find(@PathVariable long id) {
        return reviews.find(id);
    }
}
