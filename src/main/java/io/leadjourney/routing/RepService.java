package io.leadjourney.routing;

import io.leadjourney.lead.LeadRepository;
import io.leadjourney.lead.LeadStage;
import io.leadjourney.opportunity.DealOutcome;
import io.leadjourney.opportunity.OpportunityRepository;
import io.leadjourney.sla.SlaCalendar;
import io.leadjourney.support.ForbiddenException;
import io.leadjourney.support.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Managers keep the reps routing knows: their groups (bands and territories), how many open leads each can
 * work, and when they are away. Each change is mirrored to the rep's login and groups in Camunda, so Tasklist
 * shows them the tasks of the groups they route for.
 */
@Service
public class RepService {

    private static final Logger log = LoggerFactory.getLogger(RepService.class);
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9-]{1,64}");
    /** The longest absence one request may record. */
    static final int MAX_ABSENCE_DAYS = 366;

    private final RepRepository reps;
    private final RepAbsenceRepository absences;
    private final RoutingRotationRepository rotations;
    private final LeadRepository leads;
    private final OpportunityRepository opportunities;
    private final RepDirectory directory;
    private final SlaCalendar calendar;
    private final Clock clock;

    RepService(RepRepository reps, RepAbsenceRepository absences, RoutingRotationRepository rotations,
               LeadRepository leads, OpportunityRepository opportunities, RepDirectory directory,
               SlaCalendar calendar, Clock clock) {
        this.reps = reps;
        this.absences = absences;
        this.rotations = rotations;
        this.leads = leads;
        this.opportunities = opportunities;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * A new rep (with a new login, if the user does not exist) or changes to an existing one. This manages sales
     * band membership only: a group that gives more than a sales rep has (admins, managers, deployments, ...) is
     * refused for everyone, and a user who has such rights is changed by admins only; Camunda Admin is where
     * admins give those rights.
     *
     * @throws ForbiddenException when the request reaches beyond a sales band, logged as a warning
     */
    @Transactional
    public RepView save(String userId, RepForm form, String by) {
        if (!USER_ID.matcher(userId).matches()) {
            throw new InvalidFieldException("id", "must be 1-64 letters, digits or hyphens");
        }
        boolean active = form.active() == null || form.active();
        Set<String> groups = new TreeSet<>(form.groups());
        for (String group : groups) {
            if (!directory.isSalesBand(group)) {
                throw refused(by, "groups", "'" + group + "' is not a sales band; only admins give its rights,"
                        + " in Camunda Admin", userId);
            }
        }
        boolean userExists = directory.userExists(userId);
        if (userExists && !directory.isAdmin(by)) {
            List<String> privileges = directory.privilegesOf(userId);
            if (!privileges.isEmpty()) {
                throw refused(by, "id", "user " + userId + " has rights beyond a sales rep's (" + String.join(", ",
                        privileges) + "); only admins change such a user", userId);
            }
        }
        if (!userExists && form.password() == null) {
            throw new InvalidFieldException("password", "is required to create the login of a new user");
        }
        Rep rep = reps.findById(userId).orElse(null);
        Set<String> previous = rep == null ? Set.of() : new TreeSet<>(rep.getGroups());
        if (rep == null) {
            rep = new Rep(userId, form.displayName(), form.email(), groups);
        }
        rep.update(form.displayName().trim(), form.email(), groups, form.maxOpenLeads(), active);
        reps.save(rep);
        Instant now = Instant.now(clock);
        groups.stream().filter(group -> !rotations.existsById(group))
                .forEach(group -> rotations.save(new RoutingRotation(group, now)));
        if (userExists) {
            directory.updateUser(userId, rep.getDisplayName(), rep.getEmail());
        } else {
            directory.createUser(userId, rep.getDisplayName(), rep.getEmail(), form.password());
        }
        directory.setGroups(userId, groups, previous, active);
        log.info("Rep {} saved by {}: groups {}, max open leads {}, active {}", userId, by, groups,
                form.maxOpenLeads(), active);
        return view(rep);
    }

    @Transactional(readOnly = true)
    public List<RepView> list() {
        return reps.findAll(org.springframework.data.domain.Sort.by("userId")).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RepView find(String userId) {
        return view(rep(userId));
    }

    /** Records an out-of-office period; routing skips the rep on those days. */
    @Transactional
    public RepView.Absence addAbsence(String userId, NewAbsence absence, String by) {
        rep(userId);
        if (absence.lastDay().isBefore(absence.firstDay())) {
            throw new InvalidFieldException("lastDay", "must not be before firstDay");
        }
        if (absence.firstDay().plusDays(MAX_ABSENCE_DAYS).isBefore(absence.lastDay())) {
            throw new InvalidFieldException("lastDay", "an absence is at most " + MAX_ABSENCE_DAYS + " days");
        }
        if (absence.lastDay().isBefore(today())) {
            throw new InvalidFieldException("lastDay", "is in the past; routing only looks ahead");
        }
        RepAbsence saved = absences.save(new RepAbsence(userId, absence.firstDay(), absence.lastDay(),
                absence.reason() == null ? null : absence.reason().trim(), Instant.now(clock), by));
        log.info("Rep {} away {} to {} (recorded by {})", userId, absence.firstDay(), absence.lastDay(), by);
        return RepView.Absence.of(saved);
    }

    @Transactional
    public void removeAbsence(String userId, long absenceId) {
        RepAbsence absence = absences.findById(absenceId).filter(a -> a.getRepId().equals(userId))
                .orElseThrow(() -> new RepNotFoundException("Rep " + userId + " has no absence " + absenceId));
        absences.delete(absence);
    }

    private static ForbiddenException refused(String by, String field, String message, String userId) {
        log.warn("Refused {}'s change to rep {}: {} {}", by, userId, field, message);
        return new ForbiddenException(field, message);
    }

    private Rep rep(String userId) {
        return reps.findById(userId).orElseThrow(() -> new RepNotFoundException("No rep with id " + userId));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    private RepView view(Rep rep) {
        List<String> id = List.of(rep.getUserId());
        long open = leads.countOpenByRep(id, LeadStage.OPEN).stream()
                .mapToLong(row -> (Long) row[1]).sum();
        Map<DealOutcome, Long> outcomes = new HashMap<>();
        opportunities.countOutcomesByRep(id).forEach(row -> outcomes.put((DealOutcome) row[1], (Long) row[2]));
        return new RepView(rep.getUserId(), rep.getDisplayName(), rep.getEmail(), new TreeSet<>(rep.getGroups()),
                rep.getMaxOpenLeads(), rep.isActive(), open, outcomes.getOrDefault(DealOutcome.WON, 0L),
                outcomes.getOrDefault(DealOutcome.LOST, 0L),
                absences.findByRepIdAndLastDayGreaterThanEqualOrderByFirstDay(rep.getUserId(), today()).stream()
                        .map(RepView.Absence::of).toList());
    }
}
