package io.leadjourney.security;

import io.leadjourney.journey.LeadJourney;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * Creates, in every profile, the groups, authorizations and Tasklist filters Lead Journey needs.
 * Idempotent: what exists is left as it is, so admins may change it in Camunda Admin.
 */
@Component
class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final String FILTER_MY_LEADS_TO_ACCEPT = "My leads to accept";
    static final String FILTER_MY_CONTACTS_AND_CALLS = "My contact attempts and calls";
    static final String FILTER_OVERDUE = "Overdue";
    static final String FILTER_LEADS_TO_REASSIGN = "Leads to reassign";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                  FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    public void setUp() {
        group(Groups.MANAGERS, "Sales managers");
        group(Groups.SALES_REPS, "Sales reps");
        group(Groups.REPS_SMALL, "Reps: companies up to 10 employees");
        group(Groups.REPS_MID, "Reps: companies with 11-50 employees");
        group(Groups.REPS_LARGE, "Reps: companies over 50 employees");
        group(Groups.REPS_APAC, "Reps: APAC territory");
        group(Groups.MARKETING, "Marketing");
        group(Groups.INTEGRATION, "Marketing systems (API)");
        group(Groups.MONITORING, "Monitoring (Prometheus, health)");

        // Reps work in Tasklist; the engine grants them their own and their group's tasks as they are created.
        grant(Groups.SALES_REPS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.SALES_REPS, Resources.PROCESS_DEFINITION, LeadJourney.PROCESS_ID, Permissions.READ);
        // Managers watch Cockpit, see every lead's tasks, reassign them and may work them; like reps, they change a
        // task's variables only by completing it with its form's fields (no UPDATE, no UPDATE_TASK).
        grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK, Permissions.TASK_ASSIGN, Permissions.TASK_WORK);
        withdraw(Groups.MANAGERS, Resources.PROCESS_DEFINITION, Permissions.UPDATE_TASK, Permissions.TASK_ASSIGN,
                Permissions.TASK_WORK);
        grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.TASK, ANY, Permissions.READ, Permissions.TASK_ASSIGN, Permissions.TASK_WORK);
        withdraw(Groups.MANAGERS, Resources.TASK, Permissions.UPDATE, Permissions.TASK_ASSIGN, Permissions.TASK_WORK);
        grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);

        filter(FILTER_MY_LEADS_TO_ACCEPT, "Routed MQLs waiting for your decision", -10,
                taskService.createTaskQuery()
                        .taskDefinitionKey(LeadJourney.TASK_ACCEPT_LEAD)
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc());
        filter(FILTER_MY_CONTACTS_AND_CALLS, "Accepted leads to contact and discovery calls to hold", -5,
                taskService.createTaskQuery()
                        .taskDefinitionKeyIn(LeadJourney.TASK_FIRST_CONTACT, LeadJourney.TASK_CONTACT_ATTEMPT,
                                LeadJourney.TASK_DISCOVERY_CALL)
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc());
        filter(FILTER_OVERDUE, "Tasks past their SLA deadline that you may see", 0,
                taskService.createTaskQuery()
                        .processDefinitionKey(LeadJourney.PROCESS_ID)
                        .dueBeforeExpression("${now()}")
                        .orderByDueDate().asc());
        filter(FILTER_LEADS_TO_REASSIGN, "Leads no rep could take: choose one", -8,
                taskService.createTaskQuery()
                        .taskDefinitionKey(LeadJourney.TASK_REASSIGN_LEAD)
                        .taskUnassigned()
                        .orderByTaskCreateTime().asc(), Groups.MANAGERS);
    }

    private void group(String id, String name) {
        ensureGroup(identityService, id, name);
    }

    /** Creates the group (a workflow group, as Tasklist expects) unless it exists. */
    static void ensureGroup(IdentityService identityService, String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Replaces a permission in the group's grant on every resource of the type, where an earlier version of this
     * set-up gave it: UPDATE on tasks let managers rewrite any task's variables.
     */
    private void withdraw(String groupId, Resource resource, Permission permission, Permission... instead) {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(ANY).hasPermission(permission).list()) {
            authorization.removePermission(permission);
            for (Permission replacement : instead) {
                authorization.addPermission(replacement);
            }
            authorizationService.saveAuthorization(authorization);
            log.warn("Withdrew {} on every {} from group {}", permission.getName(), resource.resourceName(), groupId);
        }
    }

    /** A Tasklist filter whose cards show the lead, its company and score; readable by reps and managers. */
    private void filter(String name, String description, int priority, TaskQuery query) {
        filter(name, description, priority, query, Groups.SALES_REPS, Groups.MANAGERS);
    }

    private void filter(String name, String description, int priority, TaskQuery query, String... readers) {
        Map<String, Object> properties = Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", LeadJourney.VAR_CARD_LEAD, "label", "Lead"),
                        Map.of("name", LeadJourney.VAR_CARD_COMPANY, "label", "Company"),
                        Map.of("name", LeadJourney.VAR_CARD_SCORE, "label", "Score")));
        Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            // An earlier release's filter: its cards show what this release's do (the task's card variables).
            if (!properties.equals(existing.getProperties())) {
                filterService.saveFilter(existing.setProperties(new java.util.HashMap<>(properties)));
                log.info("Updated the cards of Tasklist filter '{}'", name);
            }
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(new java.util.HashMap<>(properties));
        filterService.saveFilter(filter);
        for (String group : readers) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        log.info("Created Tasklist filter '{}'", name);
    }
}
