package io.leadjourney.engine;

import io.leadjourney.IntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine checks a user of few groups with all of them, and narrows a user of many as Camunda does. */
class AuthorizedGroupsPluginIT extends IntegrationTest {

    @Autowired
    private ProcessEngineConfigurationImpl engine;

    @Test
    void fewGroupsAreCheckedAsTheyAreManyAreNarrowedToThoseWithAuthorizations() {
        List<String> few = List.of("sales-reps", "a-group-without-authorizations");
        List<String> many = new ArrayList<>(List.of("sales-reps"));
        for (int i = 0; i <= AuthorizedGroupsPlugin.NARROW_ABOVE; i++) {
            many.add("no-authorizations-" + i);
        }
        engine.getCommandExecutorTxRequired().execute(context -> {
            AuthorizationManager authorizations = context.getAuthorizationManager();
            assertThat(authorizations).isInstanceOf(AuthorizedGroupsPlugin.FewGroupsAuthorizationManager.class);
            assertThat(authorizations.filterAuthenticatedGroupIds(few)).containsExactlyElementsOf(few);
            assertThat(authorizations.filterAuthenticatedGroupIds(many)).containsExactly("sales-reps");
            assertThat(authorizations.filterAuthenticatedGroupIds(List.of())).isEmpty();
            return null;
        });
    }
}
