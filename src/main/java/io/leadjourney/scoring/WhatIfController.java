package io.leadjourney.scoring;

import io.leadjourney.system.InvalidFieldException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;

@RestController
class WhatIfController {

    static final Period MAX_PERIOD = Period.ofYears(1);

    private final WhatIfService whatIf;

    WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    /**
     * Replays the leads captured from {@code from} (inclusive) to {@code to} (exclusive) through the candidate
     * DMN file and through the deployed definition.
     */
    @PostMapping(path = "/api/definition/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WhatIfReport forecast(@RequestPart("file") MultipartFile file,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String source) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidFieldException("file", "is empty");
        }
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from (" + from + ")");
        }
        if (to.isAfter(from.plus(MAX_PERIOD))) {
            throw new InvalidFieldException("to", "the period may be at most " + MAX_PERIOD.getYears() + " year");
        }
        return whatIf.forecast(file.getBytes(), from, to, source);
    }
}
