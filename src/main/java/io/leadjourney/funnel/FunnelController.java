package io.leadjourney.funnel;

import io.leadjourney.support.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code GET /api/funnel?from=&to=&groupBy=}: JSON, or the same figures as CSV with {@code Accept: text/csv}.
 * Without {@code from} and {@code to}, the current quarter (UTC, as the funnel counts days).
 */
@RestController
@Tag(name = "Funnel", description = "Conversion, acceptance and speed to lead over a period")
class FunnelController {

    private final FunnelService funnel;
    private final Clock clock;

    FunnelController(FunnelService funnel, Clock clock) {
        this.funnel = funnel;
        this.clock = clock;
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    @Operation(summary = "The funnel of a period", description = "Groups: marketing, managers, admins. The leads"
            + " captured in [from, to); without from and to, the current quarter. groupBy: source, rep, region, segment.")
    @GetMapping(value = "/api/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    FunnelReport json(@Parameter(description = "first day, e.g. 2026-10-01") @RequestParam(required = false)
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @Parameter(description = "the day after the last, e.g. 2027-01-01") @RequestParam(required = false)
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String groupBy) {
        Period period = period(from, to);
        return funnel.report(period.from(), period.to(), groupBy);
    }

    @Operation(summary = "The funnel of a period, as CSV", description = "The same figures as the JSON, one line a"
            + " group, with Accept: text/csv.")
    @GetMapping(value = "/api/funnel", produces = FunnelCsv.MEDIA_TYPE)
    String csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) String groupBy) {
        Period period = period(from, to);
        return FunnelCsv.of(funnel.report(period.from(), period.to(), groupBy));
    }

    /** The period asked for, or the current quarter when neither end is given; one end alone is a mistake. */
    private Period period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate start = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
            return new Period(start, start.plusMonths(3));
        }
        if (from == null) {
            throw new InvalidFieldException("from", "is required with to (leave both out for the current quarter)");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required with from (leave both out for the current quarter)");
        }
        return new Period(from, to);
    }
}
