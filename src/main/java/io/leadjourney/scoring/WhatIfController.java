package io.leadjourney.scoring;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.leadjourney.support.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;

@RestController
@Tag(name = "Definition", description = "The qualified-lead definition: forecast, review, signatures")
class WhatIfController {

    private final WhatIfService whatIf;

    WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    /**
     * Replays the leads captured from {@code from} (inclusive) to {@code to} (exclusive) through the candidate
     * DMN file and through the deployed definition.
     */
    @Operation(summary = "Forecast a candidate definition", description = "Groups: marketing, managers, admins."
            + " Multipart: file (a DMN table from Modeler), from, to, source (optional). Replays the period's leads"
            + " through the candidate and the deployed definition: MQLs per week, accepted, SQL, won, and the leads"
            + " that change side.")
    @PostMapping(path = "/api/definition/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WhatIfReport forecast(@RequestPart("file") MultipartFile file,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String source) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidFieldException("file", "is empty");
        }
        return whatIf.forecast(file.getBytes(), from, to, source);
    }
}
