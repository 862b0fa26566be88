package io.leadjourney.imports;

import io.leadjourney.lead.LeadFields;
import io.leadjourney.lead.NewLead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the file is which field. Header names are matched without case, spaces, dashes or
 * underscores, with the usual aliases of CRM and marketing exports ("E-mail Address", "Job Title", "Company
 * Name"...), and the fields {@code lead-fields.dmn} declares by name or label ("CRM in use"). Columns that match
 * no field are ignored and reported on the import.
 */
final class ImportColumns {

    static final String EMAIL = "email";
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        alias(EMAIL, "email", "emailaddress", "mail");
        alias("firstName", "firstname", "givenname", "forename");
        alias("lastName", "lastname", "surname", "familyname");
        alias("company", "company", "companyname", "organization", "organisation", "account", "accountname");
        alias("employees", "employees", "employeecount", "numberofemployees", "headcount", "companysize");
        alias("annualRevenue", "annualrevenue", "revenue");
        alias("industry", "industry", "sector");
        alias("businessModel", "businessmodel");
        alias("role", "role", "jobtitle", "title", "position");
        alias("country", "country", "countryname");
        alias("source", "source", "leadsource");
        alias("wantsContact", "wantscontact", "requestedcontact", "contactrequested", "handraise");
        alias("phone", "phone", "phonenumber", "telephone", "mobile");
        alias("website", "website", "web", "url", "companywebsite");
        alias("purchaseTiming", "purchasetiming", "timeline", "timeframe");
        alias("problem", "problem", "statedproblem", "challenge", "painpoint");
        alias("users", "users", "numberofusers", "seats");
    }

    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "ja", "x");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "nein", "");

    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private final Map<LeadFields.Field, Integer> declared = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private static void alias(String field, String... names) {
        for (String name : names) {
            ALIASES.put(name, field);
        }
    }

    ImportColumns(List<String> header) {
        this(header, List.of());
    }

    ImportColumns(List<String> header, List<LeadFields.Field> declaredFields) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String field = ALIASES.get(normalize(name));
            LeadFields.Field custom = declaredFields.stream().filter(f -> normalize(f.name()).equals(normalize(name))
                    || normalize(f.label()).equals(normalize(name))).findFirst().orElse(null);
            if (field == null && custom != null && !declared.containsKey(custom)) {
                declared.put(custom, i);
            } else if (field == null || positions.containsKey(field)) {
                if (!name.isBlank()) {
                    ignored.add(name.trim());
                }
            } else {
                positions.put(field, i);
            }
        }
    }

    boolean hasEmail() {
        return positions.containsKey(EMAIL);
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }

    /**
     * The row as a lead, or the reasons it cannot be one (numbers and yes/no; the rest is validated later). A row
     * without a source of its own gets {@code defaultSource}.
     */
    Parsed parse(List<String> fields, String defaultSource) {
        List<String> problems = new ArrayList<>();
        Long headCount = number(fields, "employees", problems, Integer.MAX_VALUE);
        Integer employees = headCount == null ? null : headCount.intValue();
        Long revenue = number(fields, "annualRevenue", problems, Long.MAX_VALUE);
        Boolean wantsContact = null;
        String contact = text(fields, "wantsContact");
        if (contact != null) {
            String answer = contact.toLowerCase(Locale.ROOT);
            if (YES.contains(answer)) {
                wantsContact = true;
            } else if (NO.contains(answer)) {
                wantsContact = false;
            } else {
                problems.add("wantsContact: '" + contact + "' is not yes or no");
            }
        }
        String source = text(fields, "source");
        Long userCount = number(fields, "users", problems, 10_000_000);
        Map<String, Object> customFields = new LinkedHashMap<>();
        declared.forEach((field, position) -> {
            String value = position < fields.size() ? fields.get(position).trim() : "";
            if (value.isEmpty()) {
                return;
            }
            if (!field.type().equals("number")) {
                customFields.put(field.name(), value);
                return;
            }
            try {
                customFields.put(field.name(), new java.math.BigDecimal(value.replace("_", "").replace(" ", "")));
            } catch (NumberFormatException e) {
                problems.add("customFields." + field.name() + ": '" + value + "' is not a number");
            }
        });
        NewLead lead = new NewLead(text(fields, EMAIL), text(fields, "firstName"), text(fields, "lastName"),
                text(fields, "company"), employees, revenue, text(fields, "industry"), text(fields, "businessModel"),
                text(fields, "role"), text(fields, "country"), source == null ? defaultSource : source,
                wantsContact, text(fields, "phone"), text(fields, "website"),
                // The title column fills the scored role; the lead's own words are kept as its job title.
                text(fields, "role"), text(fields, "purchaseTiming"), text(fields, "problem"),
                userCount == null ? null : userCount.intValue(), customFields.isEmpty() ? null : customFields);
        return new Parsed(lead, problems);
    }

    record Parsed(NewLead lead, List<String> problems) {
    }

    private String text(List<String> fields, String field) {
        Integer position = positions.get(field);
        if (position == null || position >= fields.size()) {
            return null;
        }
        String value = fields.get(position).trim();
        return value.isEmpty() ? null : value;
    }

    private Long number(List<String> fields, String field, List<String> problems, long max) {
        String value = text(fields, field);
        if (value == null) {
            return null;
        }
        String digits = value.replace("_", "").replace(" ", "");
        try {
            long number = Long.parseLong(digits);
            if (number > max) {
                problems.add(field + ": " + value + " is too large");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(field + ": '" + value + "' is not a whole number");
            return null;
        }
    }

    private static String normalize(String header) {
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
