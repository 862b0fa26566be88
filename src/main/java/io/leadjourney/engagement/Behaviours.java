package io.leadjourney.engagement;

import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.support.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The behaviours marketing systems may report: those the deployed {@code engagement-points} table names in its
 * "Behaviour" column ({@code eventType}). A process owner adds one ("WEBINAR_ATTENDED") by adding a rule in
 * Modeler and deploying the table; the API accepts it from then on, with no release and no restart.
 */
@Component
public class Behaviours {

    /** The input of the points table whose rules name the behaviours. */
    static final String COLUMN = "eventType";
    /** The width of {@code engagement_event.event_type}. */
    static final int MAX_LENGTH = 40;

    private static final Logger log = LoggerFactory.getLogger(Behaviours.class);
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_LENGTH - 1) + "}");

    private final DecisionEvaluator decisions;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Behaviours(DecisionEvaluator decisions) {
        this.decisions = decisions;
    }

    /**
     * The known behaviours, in the table's order: the names of the column that are capitals, digits and
     * underscores, at most {@value #MAX_LENGTH} long (a name such as "Webinar attended" is logged and left out).
     */
    public Set<String> known() {
        Set<String> known = new LinkedHashSet<>();
        for (String name : decisions.namedValues(DecisionKeys.ENGAGEMENT_POINTS, COLUMN)) {
            if (NAME.matcher(name).matches()) {
                known.add(name);
            } else if (warned.add(name)) {
                log.warn("The {} table names the behaviour '{}', which is not a behaviour name (capitals, digits and"
                        + " _, at most {} long, such as WEBINAR_ATTENDED): events of it are refused",
                        DecisionKeys.ENGAGEMENT_POINTS, name, MAX_LENGTH);
            }
        }
        return known;
    }

    /** What is wrong with a reported type, or null when it is a known behaviour. */
    public String problemOf(String type) {
        if (type == null || type.isBlank()) {
            return "is required";
        }
        Set<String> known = known();
        if (!known.contains(type)) {
            return "'" + abbreviated(type) + "' is not a behaviour of the " + DecisionKeys.ENGAGEMENT_POINTS
                    + " table; it knows " + known;
        }
        return null;
    }

    /** The type, when it is a known behaviour; otherwise a 400 naming the field and the known ones. */
    public String check(String type) {
        String problem = problemOf(type);
        if (problem != null) {
            throw new InvalidFieldException("type", problem);
        }
        return type;
    }

    private static String abbreviated(String type) {
        return type.length() > MAX_LENGTH ? type.substring(0, MAX_LENGTH) + "..." : type;
    }
}
