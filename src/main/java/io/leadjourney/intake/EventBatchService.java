package io.leadjourney.intake;

import io.leadjourney.engagement.Behaviour;
import io.leadjourney.engagement.Behaviours;
import io.leadjourney.engagement.EngagementEventRepository;
import io.leadjourney.intake.EventBatchReport.Item;
import io.leadjourney.intake.EventBatchReport.Status;
import io.leadjourney.lead.Lead;
import io.leadjourney.lead.LeadRepository;
import io.leadjourney.nurture.LeadRequalification;
import io.leadjourney.support.Chunks;
import io.leadjourney.support.LeadJourneyMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.leadjourney.support.SqlTime.utc;

/**
 * Takes a batch of engagement events for many leads in one transaction: each event is checked on its own
 * (a bad one is rejected with its reason, the good ones go in), replays of an {@code eventId} count once,
 * events for an unknown e-mail are kept as anonymous activity, and each lead touched is rescored once.
 */
@Service
public class EventBatchService {

    private static final Logger log = LoggerFactory.getLogger(EventBatchService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_EVENT_ID = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_PAGE = 500;
    static final int MAX_CAMPAIGN = 200;
    static final int MAX_SECONDS = 86_400;
    private static final String EXISTING_KEYS = "select event_key from engagement_event where event_key = any (?)";

    private final JdbcTemplate jdbc;
    private final Behaviours behaviours;
    private final EngagementEventRepository events;
    private final LeadRepository leads;
    private final LeadRequalification requalification;
    private final LeadJourneyMetrics metrics;
    private final Clock clock;

    EventBatchService(JdbcTemplate jdbc, Behaviours behaviours, EngagementEventRepository events, LeadRepository leads,
                      LeadRequalification requalification, LeadJourneyMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.behaviours = behaviours;
        this.events = events;
        this.leads = leads;
        this.requalification = requalification;
        this.metrics = metrics;
        this.clock = clock;
    }

    private record Checked(int index, BatchEvent event, String type, Instant occurredAt, String email) {
    }

    private record Row(Long leadId, Checked checked) {
    }

    @Transactional
    public EventBatchReport ingest(List<BatchEvent> batch) {
        Item[] items = new Item[batch.size()];
        List<Checked> valid = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            BatchEvent event = batch.get(i);
            String problem = problemOf(event, behaviours, clock);
            if (problem != null) {
                items[i] = new Item(i, event == null ? null : event.eventId(), Status.REJECTED, null, problem);
            } else {
                valid.add(new Checked(i, event, event.type(), Instant.parse(event.occurredAt()),
                        event.email() == null ? null : event.email().trim().toLowerCase(Locale.ROOT)));
            }
        }
        Set<String> known = existingKeys(valid);
        Set<String> seen = new HashSet<>();
        List<Checked> fresh = new ArrayList<>();
        for (Checked checked : valid) {
            String key = checked.event().eventId();
            if (known.contains(key) || !seen.add(key)) {
                items[checked.index()] = new Item(checked.index(), key, Status.DUPLICATE, null,
                        "eventId " + key + " was received before; counted once");
            } else {
                fresh.add(checked);
            }
        }

        // Lock every lead the batch names before reading any of them, in id order, so that two batches touching
        // the same leads wait for each other instead of deadlocking, and no stage is read stale.
        Map<String, Long> leadByEmail = new HashMap<>();
        for (List<String> emails : Chunks.of(fresh.stream().filter(c -> c.event().leadId() == null)
                .map(Checked::email).distinct().toList())) {
            leads.findIdsByEmailIn(emails).forEach(row -> leadByEmail.put((String) row[1], (Long) row[0]));
        }
        Set<Long> named = new TreeSet<>(leadByEmail.values());
        fresh.stream().map(c -> c.event().leadId()).filter(Objects::nonNull).forEach(named::add);
        Map<Long, Lead> locked = new LinkedHashMap<>();
        for (List<Long> ids : Chunks.of(List.copyOf(named))) {
            leads.findAllForUpdate(ids).forEach(lead -> locked.put(lead.getId(), lead));
        }
        List<Row> rows = new ArrayList<>();
        for (Checked checked : fresh) {
            Long leadId = checked.event().leadId();
            if (leadId != null && !locked.containsKey(leadId)) {
                items[checked.index()] = new Item(checked.index(), checked.event().eventId(), Status.REJECTED, null,
                        "leadId: no lead with id " + leadId);
                continue;
            }
            if (leadId == null) {
                leadId = leadByEmail.get(checked.email());
            }
            rows.add(new Row(leadId, checked));
            items[checked.index()] = new Item(checked.index(), checked.event().eventId(), Status.ACCEPTED, leadId,
                    leadId == null ? "anonymous activity of " + checked.email() + ", kept until it becomes a lead"
                            : null);
        }
        List<Lead> touched = rows.stream().map(Row::leadId).filter(Objects::nonNull).distinct().sorted()
                .map(locked::get).toList();
        LeadRequalification.Change change = requalification.begin(touched);
        insert(rows);
        metrics.count(LeadJourneyMetrics.EVENTS_INGESTED, rows.size(), "via", "batch");
        rows.stream().filter(row -> row.leadId() != null).forEach(row -> change.add(row.leadId(),
                Behaviour.reported(row.checked().type(), row.checked().event().page(), row.checked().event().asset(),
                        row.checked().event().campaign(), row.checked().event().secondsOnPage()),
                row.checked().occurredAt()));
        change.finish();

        List<Item> report = Arrays.asList(items);
        int accepted = count(report, Status.ACCEPTED);
        int duplicates = count(report, Status.DUPLICATE);
        int rejected = count(report, Status.REJECTED);
        log.info("Event batch: {} accepted, {} duplicates, {} rejected, {} leads rescored", accepted, duplicates,
                rejected, touched.size());
        return new EventBatchReport(accepted, duplicates, rejected, touched.size(), report);
    }

    /** What is wrong with one event, naming the field, or null when nothing is. */
    static String problemOf(BatchEvent event, Behaviours behaviours, Clock clock) {
        if (event == null) {
            return "the event is empty";
        }
        if (blank(event.eventId())) {
            return "eventId: is required";
        }
        if (event.eventId().length() > MAX_EVENT_ID) {
            return "eventId: at most " + MAX_EVENT_ID + " characters";
        }
        if (event.leadId() == null && blank(event.email())) {
            return "leadId or email: one is required";
        }
        if (event.leadId() == null && (event.email().length() > MAX_EMAIL || !EMAIL.matcher(event.email().trim())
                .matches())) {
            return "email: must be a well-formed email address";
        }
        String typeProblem = behaviours.problemOf(event.type());
        if (typeProblem != null) {
            return "type: " + typeProblem;
        }
        if (blank(event.occurredAt())) {
            return "occurredAt: is required";
        }
        try {
            if (!EventTime.isPlausible(Instant.parse(event.occurredAt()), clock)) {
                return "occurredAt: " + EventTime.PROBLEM;
            }
        } catch (DateTimeParseException e) {
            return "occurredAt: " + EventTime.PROBLEM;
        }
        if (tooLong(event.page(), MAX_PAGE) || tooLong(event.asset(), MAX_PAGE)) {
            return (tooLong(event.page(), MAX_PAGE) ? "page" : "asset") + ": at most " + MAX_PAGE + " characters";
        }
        if (tooLong(event.campaign(), MAX_CAMPAIGN)) {
            return "campaign: at most " + MAX_CAMPAIGN + " characters";
        }
        if (event.secondsOnPage() != null && (event.secondsOnPage() < 0 || event.secondsOnPage() > MAX_SECONDS)) {
            return "secondsOnPage: from 0 to " + MAX_SECONDS;
        }
        return null;
    }

    private Set<String> existingKeys(List<Checked> valid) {
        Set<String> known = new HashSet<>();
        List<String> keys = valid.stream().map(c -> c.event().eventId()).distinct().toList();
        // One array parameter rather than a thousand: the database parses and plans one short statement.
        for (List<String> chunk : Chunks.of(keys)) {
            known.addAll(jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(EXISTING_KEYS);
                statement.setArray(1, connection.createArrayOf("VARCHAR", chunk.toArray()));
                return statement;
            }, (row, n) -> row.getString(1)));
        }
        return known;
    }

    private void insert(List<Row> rows) {
        var now = utc(Instant.now(clock));
        jdbc.batchUpdate(EventRows.INSERT, rows, Chunks.IN_LIST, (statement, row) -> {
            BatchEvent event = row.checked().event();
            statement.setObject(1, row.leadId());
            statement.setString(2, row.checked().type());
            statement.setObject(3, utc(row.checked().occurredAt()));
            statement.setObject(4, now);
            statement.setString(5, event.eventId());
            statement.setString(6, row.leadId() == null ? row.checked().email() : null);
            statement.setString(7, event.page());
            statement.setString(8, event.asset());
            statement.setString(9, event.campaign());
            statement.setObject(10, event.secondsOnPage());
        });
    }

    private static int count(List<Item> items, Status status) {
        return (int) items.stream().filter(item -> item.status() == status).count();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
