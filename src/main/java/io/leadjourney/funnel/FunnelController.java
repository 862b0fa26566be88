package io.leadjourney.funnel;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** {@code GET /api/funnel?from=&to=&groupBy=}: JSON, or the same figures as CSV with {@code Accept: text/csv}. */
@RestController
class FunnelController {

    private final FunnelService funnel;

    FunnelController(FunnelService funnel) {
        this.funnel = funnel;
    }

    @GetMapping(value = "/api/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    FunnelReport json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String groupBy) {
        return funnel.report(from, to, groupBy);
    }

    @GetMapping(value = "/api/funnel", produces = FunnelCsv.MEDIA_TYPE)
    String csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) String groupBy) {
        return FunnelCsv.of(funnel.report(from, to, groupBy));
    }
}
