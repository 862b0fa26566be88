package io.leadjourney.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadjourney.decision.DecisionEvaluator;
import io.leadjourney.decision.DecisionKeys;
import io.leadjourney.decision.DecisionOutcome;
import io.leadjourney.support.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The lead fields a process owner adds to the ones every lead has, declared in {@code lead-fields.dmn} (one rule a
 * field: its name, label, type and, for a choice, the allowed values) and deployed like the other tables. The API
 * and the import take them as {@code customFields}, checked here; the fit and routing tables see them as inputs of
 * their name; the forms show them; erasure removes them.
 */
@Component
public class LeadFields {

    private static final Logger log = LoggerFactory.getLogger(LeadFields.class);
    /** Where the values of a lead are kept: {@code lead.custom_fields}. */
    static final int MAX_STORED = 8000;
    static final int MAX_TEXT = 500;
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    /** Names the tables already give other meanings: a declared field may not take them. */
    private static final Set<String> TAKEN = Set.of("email", "firstName", "lastName", "company", "employees",
            "annualRevenue", "industry", "businessModel", "role", "country", "source", "wantsContact", "phone",
            "website", "jobTitle", "purchaseTiming", "problem", "users", "emailDomain", "fitScore",
            "engagementScore", "totalScore", "grade", "hasName", "hasCompany", "eventType", "scoreGroup");

    /** One declared field. */
    public record Field(String name, String label, String type, List<String> values) {
    }

    private final DecisionEvaluator decisions;
    private final ObjectMapper json;

    LeadFields(DecisionEvaluator decisions, ObjectMapper json) {
        this.decisions = decisions;
        this.json = json;
    }

    /** The fields the deployed table declares, in its order; a rule that is not a usable field is logged and left out. */
    public List<Field> declared() {
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> rule : decisions.evaluate(DecisionKeys.LEAD_FIELDS, Map.of()).rules()) {
            String name = DecisionOutcome.stringOutput(rule, "field");
            String type = String.valueOf(rule.get("type")).trim().toLowerCase(Locale.ROOT);
            List<String> values = rule.get("values") == null ? List.of() : Arrays.stream(
                    String.valueOf(rule.get("values")).split(",")).map(String::trim).filter(v -> !v.isEmpty())
                    .toList();
            if (name == null || !NAME.matcher(name).matches() || TAKEN.contains(name)
                    || !Set.of("text", "number", "choice").contains(type) || type.equals("choice") && values.isEmpty()) {
                log.warn("{} declares a field that cannot be used (a name such as crmSystem that no lead field has,"
                        + " of type text, number or choice with its values): {}", DecisionKeys.LEAD_FIELDS, rule);
                continue;
            }
            Object label = rule.get("label");
            fields.add(new Field(name, label == null ? name : label.toString(), type, values));
        }
        return fields;
    }

    /**
     * The given values checked against the declarations and merged over the lead's stored ones (a null value
     * removes the field), as the JSON to store.
     *
     * @throws InvalidFieldException naming {@code customFields.<name>} for an undeclared field or a wrong value
     */
    public String merged(String stored, Map<String, Object> given) {
        if (given == null || given.isEmpty()) {
            return stored;
        }
        Map<String, Object> values = new TreeMap<>(read(stored));
        Map<String, Field> declared = new LinkedHashMap<>();
        declared().forEach(field -> declared.put(field.name(), field));
        given.forEach((name, value) -> {
            Field field = declared.get(name);
            if (field == null) {
                throw new InvalidFieldException("customFields." + name, "is not a lead field; "
                        + DecisionKeys.LEAD_FIELDS + " declares " + declared.keySet());
            }
            Object checked = checked(field, value);
            if (checked == null) {
                values.remove(name);
            } else {
                values.put(name, checked);
            }
        });
        String merged = write(values);
        if (merged != null && merged.length() > MAX_STORED) {
            throw new InvalidFieldException("customFields", "at most " + MAX_STORED + " characters together");
        }
        return merged;
    }

    /**
     * Checks values as {@link #merged} would, storing nothing: for a row of an import, judged before it is captured.
     *
     * @throws InvalidFieldException naming {@code customFields.<name>}
     */
    public void check(Map<String, Object> given) {
        merged(null, given);
    }

    private static Object checked(Field field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        String at = "customFields." + field.name();
        switch (field.type()) {
            case "number" -> {
                if (!(value instanceof Number number)) {
                    throw new InvalidFieldException(at, "must be a number");
                }
                return number;
            }
            case "choice" -> {
                String given = value.toString().trim();
                return field.values().stream().filter(allowed -> allowed.equalsIgnoreCase(given)).findFirst()
                        .orElseThrow(() -> new InvalidFieldException(at, "must be one of " + field.values()));
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw new InvalidFieldException(at, "must be text");
                }
                if (text.length() > MAX_TEXT) {
                    throw new InvalidFieldException(at, "at most " + MAX_TEXT + " characters");
                }
                return text.trim();
            }
        }
    }

    /** The lead's values of the declared fields, by name, null where it has none: inputs for the tables. */
    public Map<String, Object> inputsOf(Lead lead) {
        return inputsOf(lead.getCustomFields());
    }

    /** As {@link #inputsOf(Lead)}, from the values as stored ({@code lead.custom_fields}), for a query's rows. */
    public Map<String, Object> inputsOf(String storedCustomFields) {
        Map<String, Object> stored = read(storedCustomFields);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Field field : declared()) {
            inputs.put(field.name(), stored.get(field.name()));
        }
        return inputs;
    }

    /** The lead's stored values, by name. */
    public Map<String, Object> valuesOf(Lead lead) {
        return read(lead.getCustomFields());
    }

    /** "CRM in use: HubSpot", a line each, for the forms; null when the lead has none. */
    public String describe(Lead lead) {
        Map<String, Object> stored = read(lead.getCustomFields());
        List<String> lines = new ArrayList<>();
        for (Field field : declared()) {
            if (stored.get(field.name()) != null) {
                lines.add(field.label() + ": " + stored.get(field.name()));
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private Map<String, Object> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(stored, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead.custom_fields is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Map<String, Object> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
