package io.leadjourney.engine;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * What a deployment may hold, so that a model cannot run code of its own on the server (see docs/security.md):
 * <ul>
 *   <li>resources: BPMN, DMN, Camunda Forms and PNG diagrams only (no embedded HTML forms, scripts or classes);</li>
 *   <li>no script tasks, script listeners, script conditions, script input/output or external script resources, no
 *       connectors, no embedded forms;</li>
 *   <li>Java classes named in a model ({@code camunda:class}, a listener's {@code class}) from Lead Journey only;</li>
 *   <li>JUEL expressions from the allow-list: names, property access, literals and operators, and calls only to
 *       {@link #ALLOWED_CALLS}; no brackets, no reaching for classes or the engine;</li>
 *   <li>DMN: FEEL only (no JUEL, JavaScript or Groovy expression languages) and no FEEL external (Java)
 *       functions.</li>
 * </ul>
 * Pure: it reads bytes and returns what is wrong, one line a finding.
 */
final class ModelSafety {

    static final Set<String> ALLOWED_CALLS = Set.of("now", "dateTime", "workingTime", "currentUser",
            "currentUserGroups", "execution.getVariable", "execution.setVariable", "task.getVariable");
    private static final Set<String> FORBIDDEN_NAMES = Set.of("class", "getClass", "classLoader", "getClassLoader",
            "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
            "processEngineConfiguration", "getProcessEngineConfiguration", "applicationContext");
    /** JUEL's word operators, which parentheses may follow as a group, not a call. */
    private static final Set<String> KEYWORDS = Set.of("empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le",
            "ge", "div", "mod");
    private static final List<String> RESOURCE_TYPES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml",
            ".form", ".png");
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String OUR_CLASSES = "io.leadjourney.";
    /** BPMN documentation and text annotations, DMN descriptions: prose, never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "text", "description");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{((?:'[^']*'|\"[^\"]*\"|[^}'\"])*)}");
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\d+(?:\\.\\d+)?|[A-Za-z_$][A-Za-z0-9_$]*"
                    + "|==|!=|<=|>=|&&|\\|\\||[-+*/%<>!?:.,()]");
    /** FEEL by its names, lower case (a value is compared lower-cased). */
    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/feel/20140401");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

    private ModelSafety() {
    }

    /** What is wrong with one resource of a deployment; empty when it may be deployed. */
    static List<String> check(String resourceName, byte[] content) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (RESOURCE_TYPES.stream().noneMatch(name::endsWith)) {
            return List.of(resourceName + ": a deployment holds only " + RESOURCE_TYPES
                    + " files (embedded forms and scripts would run code)");
        }
        if (!name.endsWith(".bpmn") && !name.endsWith(".bpmn20.xml") && !name.endsWith(".dmn")
                && !name.endsWith(".dmn11.xml")) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        Document document;
        try {
            document = parse(content);
        } catch (SAXException | IOException e) {
            return List.of(resourceName + ": not well-formed XML (" + e.getMessage() + ")");
        }
        walk(document.getDocumentElement(), resourceName, findings);
        return findings;
    }

    private static void walk(Element element, String resource, List<String> findings) {
        String local = element.getLocalName();
        String where = resource + ", " + local + describe(element);
        if (BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
            findings.add(where + ": script tasks are not allowed");
        }
        if (CAMUNDA.equals(element.getNamespaceURI()) && ("script".equals(local) || "connector".equals(local))) {
            findings.add(where + ": " + local + "s are not allowed");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            check((Attr) attributes.item(i), element, where, findings);
        }
        if (PROSE.contains(local) && (BPMN.equals(element.getNamespaceURI()) || !"text".equals(local))) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(childElement, resource, findings);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue();
                expressions(text, where, findings);
                if (FEEL_EXTERNAL.matcher(text).find() && text.contains("java")) {
                    findings.add(where + ": FEEL external functions call Java and are not allowed");
                }
            }
        }
    }

    private static void check(Attr attribute, Element element, String where, List<String> findings) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI());
        boolean onCamundaElement = CAMUNDA.equals(element.getNamespaceURI()) && attribute.getNamespaceURI() == null;
        if ("scriptFormat".equals(name) || (camunda || onCamundaElement) && "resource".equals(name)) {
            findings.add(where + ": scripts are not allowed (" + name + ")");
        } else if ("language".equals(name) && ("conditionExpression".equals(element.getLocalName())
                || "condition".equals(element.getLocalName()))) {
            findings.add(where + ": script conditions are not allowed (language " + value + ")");
        } else if ("expressionLanguage".equals(name) && !FEEL.contains(value.trim().toLowerCase(Locale.ROOT))) {
            findings.add(where + ": expression language '" + value + "' is not allowed; DMN uses FEEL");
        } else if ("class".equals(name) && (camunda || onCamundaElement) && !value.trim().startsWith(OUR_CLASSES)) {
            findings.add(where + ": class '" + value + "' is not Lead Journey's (" + OUR_CLASSES + "*)");
        } else if ("formKey".equals(name) && camunda && value.trim().startsWith("embedded:")) {
            findings.add(where + ": embedded forms run scripts in the users' browsers; use a Camunda Form");
        } else {
            expressions(value, where, findings);
        }
    }

    private static void expressions(String text, String where, List<String> findings) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return;
        }
        Matcher expression = EXPRESSION.matcher(text);
        int checked = 0;
        while (expression.find()) {
            String problem = problemOf(expression.group(1));
            if (problem != null) {
                findings.add(where + ": expression '" + expression.group() + "' " + problem);
            }
            checked++;
        }
        if (checked == 0) {
            findings.add(where + ": expression '" + text.trim() + "' cannot be read");
        }
    }

    /** Why a JUEL expression's body is outside the allow-list, or null when it is inside. */
    static String problemOf(String body) {
        if (body.contains("->")) {
            return "is a lambda, which the allow-list does not have";
        }
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (!token.find(at) || token.start() != at) {
                return "uses '" + body.charAt(at) + "', which the allow-list does not have";
            }
            if (!token.group().isBlank()) {
                tokens.add(token.group());
            }
            at = token.end();
        }
        for (int i = 0; i < tokens.size(); i++) {
            String current = tokens.get(i);
            if (FORBIDDEN_NAMES.contains(current)) {
                return "reaches for '" + current + "'";
            }
            if ("(".equals(current)) {
                String callee = callee(tokens, i);
                // Parentheses after an operator or a keyword group; after a name they call.
                if (!callee.isEmpty() && !KEYWORDS.contains(callee) && !ALLOWED_CALLS.contains(callee)) {
                    return "calls '" + (callee.isEmpty() ? "(" : callee) + "'; the allowed calls are "
                            + ALLOWED_CALLS.stream().sorted().toList();
                }
            }
        }
        return null;
    }

    /** The dotted name in front of the parenthesis at {@code open}, e.g. {@code execution.setVariable}. */
    private static String callee(List<String> tokens, int open) {
        StringBuilder name = new StringBuilder();
        int i = open - 1;
        while (i >= 0 && Character.isJavaIdentifierStart(tokens.get(i).charAt(0))) {
            name.insert(0, tokens.get(i));
            if (i >= 2 && ".".equals(tokens.get(i - 1))) {
                name.insert(0, ".");
                i -= 2;
            } else {
                break;
            }
        }
        return name.toString();
    }

    private static String describe(Element element) {
        String id = element.getAttribute("id");
        return id.isEmpty() ? "" : " '" + id + "'";
    }

    private static Document parse(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
