package io.leadjourney.journey;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey reads cleanly in Modeler and in the README's diagram: every name has a place of its own (no label on a
 * task, an event, a gateway, another label or a line), and nothing happens on a sequence flow that the diagram does
 * not show (the reasons a lead leaves for nurture or disqualification are named events, not flow listeners).
 */
class DiagramLayoutTest {

    private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/lead-journey.bpmn"));

    private record Box(String owner, double x, double y, double width, double height) {

        static Box of(String owner, Bounds bounds) {
            return new Box(owner, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        /** Whether an upright or level line from (x1, y1) to (x2, y2) runs through this box. */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            Box line = new Box("", Math.min(x1, x2), Math.min(y1, y2), Math.max(Math.abs(x2 - x1), 0.5),
                    Math.max(Math.abs(y2 - y1), 0.5));
            return overlaps(line);
        }

        @Override
        public String toString() {
            return "%s [%.0f,%.0f %.0fx%.0f]".formatted(owner, x, y, width, height);
        }
    }

    private static String nameOf(BaseElement element) {
        return element instanceof FlowElement flowElement ? flowElement.getName() : null;
    }

    /** About the width of a character of the 11-pixel font Modeler and bpmn-js write labels in. */
    private static final double CHARACTER = 6;
    private static final double LINE = 14;

    /**
     * Where a label's text is drawn: its name wrapped at the label's width, centred in it, from its top. The bounds
     * Modeler writes are often wider than the words, and only the words need room.
     */
    private static Box text(BaseElement element, Bounds bounds) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : nameOf(element).split("\\s+")) {
            if (!line.isEmpty() && (line.length() + 1 + word.length()) * CHARACTER > bounds.getWidth()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        double width = Math.min(bounds.getWidth(),
                lines.stream().mapToInt(String::length).max().orElse(0) * CHARACTER);
        return new Box(element.getId() + " label", bounds.getX() + (bounds.getWidth() - width) / 2, bounds.getY(),
                width, lines.size() * LINE);
    }

    private List<Box> labels() {
        List<Box> labels = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BpmnLabel label = shape.getBpmnLabel();
            if (label != null && label.getBounds() != null && nameOf(shape.getBpmnElement()) != null) {
                labels.add(text(shape.getBpmnElement(), label.getBounds()));
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            BpmnLabel label = edge.getBpmnLabel();
            if (label != null && label.getBounds() != null && nameOf(edge.getBpmnElement()) != null) {
                labels.add(text(edge.getBpmnElement(), label.getBounds()));
            }
        }
        return labels;
    }

    private List<Box> shapes() {
        return model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> !(shape.getBpmnElement() instanceof SubProcess))
                .map(shape -> Box.of(shape.getBpmnElement().getId(), shape.getBounds())).toList();
    }

    /** Events, gateways and flows are labelled beside them; a position Modeler guesses moves with every edit. */
    @Test
    void everyNamedEventGatewayAndFlowHasItsLabelPlaced() {
        List<String> unplaced = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            String type = shape.getBpmnElement().getElementType().getTypeName();
            boolean besideIt = type.endsWith("Event") || type.endsWith("Gateway");
            if (besideIt && nameOf(shape.getBpmnElement()) != null && shape.getBpmnLabel() == null) {
                unplaced.add(shape.getBpmnElement().getId());
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (nameOf(edge.getBpmnElement()) != null && edge.getBpmnLabel() == null) {
                unplaced.add(edge.getBpmnElement().getId());
            }
        }
        assertThat(unplaced).as("named elements whose label has no bounds in the diagram").isEmpty();
    }

    @Test
    void noLabelSitsOnAShapeOrAnotherLabel() {
        List<Box> labels = labels();
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    clashes.add(labels.get(i) + " / " + labels.get(j));
                }
            }
            for (Box shape : shapes()) {
                if (labels.get(i).overlaps(shape)) {
                    clashes.add(labels.get(i) + " / " + shape);
                }
            }
        }
        assertThat(labels).hasSizeGreaterThan(30);
        assertThat(clashes).as("labels on top of something").isEmpty();
    }

    @Test
    void noLineRunsThroughALabel() {
        List<String> crossings = new ArrayList<>();
        for (Box label : labels()) {
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 0; i + 1 < points.size(); i++) {
                    Waypoint from = points.get(i);
                    Waypoint to = points.get(i + 1);
                    if (label.crossedBy(from.getX(), from.getY(), to.getX(), to.getY())) {
                        crossings.add(edge.getBpmnElement().getId() + " through " + label);
                    }
                }
            }
        }
        assertThat(crossings).as("lines through labels").isEmpty();
    }

    @Test
    void noSequenceFlowDoesWorkTheDiagramHides() {
        List<String> hidden = model.getModelElementsByType(CamundaExecutionListener.class).stream()
                .filter(listener -> listener.getParentElement().getParentElement() instanceof SequenceFlow)
                .map(listener -> ((SequenceFlow) listener.getParentElement().getParentElement()).getId()).toList();
        assertThat(hidden).as("sequence flows with execution listeners").isEmpty();
    }
}
