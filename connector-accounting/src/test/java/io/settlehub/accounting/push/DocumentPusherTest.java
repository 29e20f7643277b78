package io.settlehub.accounting.push;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.settlehub.accounting.OneCStub.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.settlehub.accounting.config.OneCProperties;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.connector.support.PartnerRejectedException;
import io.settlehub.contract.InvalidMessageException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Documents into a 1C OData stub: created once, updated by a newer version, posted, found again when state is lost. */
class DocumentPusherTest {

    /** The partner's stub: started once for the class, its stubs and requests reset before each test. */
    @RegisterExtension
    static final WireMockExtension ONEC = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort()).build();
    static final String ORGANIZATION = "1d8c2c7e-0f4a-11ef-8a57-005056b7c1d1";
    static final String AGENT = "9a41e0f0-0f4a-11ef-8a57-005056b7c1d1";
    static final String AGENT_CONTRACT = "9a41e0f1-0f4a-11ef-8a57-005056b7c1d1";

    @TempDir
    Path state;

    @BeforeEach
    void reset() {
        standard(ONEC);
    }

    DocumentPusher pusher() {
        Infobase acme = new Infobase("acme", ONEC.baseUrl() + BASE, USER, PASSWORD, ORGANIZATION, AGENT, AGENT_CONTRACT, null, null);
        return new DocumentPusher(acmeInfobase(acme), new OneCProperties.EntitySets(null, null, null, null), new PushedDocuments(state));
    }

    static String report(int version) {
        return fixture("hub/agent-report-v1.json").replace("\"version\": 1", "\"version\": " + version);
    }

    @Test
    void an_agent_report_is_created_with_1c_references_and_exact_amounts_then_posted_and_a_second_push_changes_nothing() {
        DocumentPusher pusher = pusher();
        assertThat(pusher.push(report(1))).isEqualTo("created");
        assertThat(pusher.push(report(1))).isEqualTo("unchanged");

        ONEC.verify(1, postRequestedFor(set(REPORTS))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(USER, PASSWORD))
                .withRequestBody(matchingJsonPath("$.Комментарий", equalTo("settlehub:agent-report:acme:2026-03:RUB")))
                .withRequestBody(matchingJsonPath("$.Организация_Key", equalTo(ORGANIZATION)))
                .withRequestBody(matchingJsonPath("$.Контрагент_Key", equalTo(AGENT)))
                .withRequestBody(matchingJsonPath("$.ВалютаДокумента_Key", equalTo("a0c7b8b2-97d2-11e6-80c8-0cc47a0d6ba5")))
                .withRequestBody(matchingJsonPath("$.Date", equalTo("2026-03-31T23:59:59")))
                .withRequestBody(containing("\"СуммаВознаграждения\":292.19"))
                .withRequestBody(containing("\"СуммаНДСВознаграждения\":52.69"))
                .withRequestBody(containing("\"СуммаДокумента\":2395.00"))
                .withRequestBody(matchingJsonPath("$.Товары[0].Номенклатура_Key", equalTo("5b2d6a4e-1f0c-11ef-8a57-005056b7c1d1")))
                .withRequestBody(matchingJsonPath("$.Товары[0].Количество", equalTo("1"))));
        ONEC.verify(1, postRequestedFor(keyed(REPORTS, REPORT_KEY, "/Post")));
        ONEC.verify(0, patchRequestedFor(keyed(REPORTS, REPORT_KEY, "")));
    }

    @Test
    void a_newer_version_updates_the_same_document_and_an_older_one_arriving_late_changes_nothing() {
        DocumentPusher pusher = pusher();
        pusher.push(report(1));
        assertThat(pusher.push(report(2))).isEqualTo("updated");
        assertThat(pusher.push(report(1))).isEqualTo("superseded");

        ONEC.verify(1, postRequestedFor(set(REPORTS)));
        ONEC.verify(1, patchRequestedFor(keyed(REPORTS, REPORT_KEY, "")));
        ONEC.verify(2, postRequestedFor(keyed(REPORTS, REPORT_KEY, "/Post")));
    }

    @Test
    void a_document_1c_already_holds_is_found_by_its_comment_when_the_connectors_state_is_lost() {
        ONEC.stubFor(get(set(REPORTS)).atPriority(1)
                .withQueryParam("$filter", equalTo("Комментарий eq 'settlehub:agent-report:acme:2026-03:RUB' and DeletionMark eq false"))
                .willReturn(okJson(fixture("1c/found-agent-report.json"))));
        assertThat(pusher().push(report(1))).isEqualTo("updated");
        ONEC.verify(0, postRequestedFor(set(REPORTS)));
        ONEC.verify(1, postRequestedFor(keyed(REPORTS, REPORT_KEY, "/Post")));
    }

    @Test
    void a_document_1c_refuses_fails_with_1cs_own_text_and_a_500_is_retried() {
        ONEC.stubFor(post(set(REPORTS)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("1c/error-invalid.json"))));
        assertThatThrownBy(() -> pusher().push(report(1))).isInstanceOf(PartnerRejectedException.class)
                .hasMessageContaining("Поле \"Договор\" не заполнено").hasMessageNotContaining(PASSWORD);

        ONEC.resetAll();
        standard(ONEC);
        ONEC.stubFor(post(set(REPORTS)).atPriority(1).inScenario("restart").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(fixture("1c/error-server.json"))).willSetStateTo("up"));
        assertThat(pusher().push(report(1))).isEqualTo("created");
        ONEC.verify(2, postRequestedFor(set(REPORTS)));
    }

    @Test
    void a_sku_1c_does_not_know_a_client_without_infobase_and_a_malformed_document_are_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> pusher().push(report(1).replace("LAMP-01", "KETTLE-9")))
                .isInstanceOf(PartnerRejectedException.class).hasMessageContaining("Артикул = 'KETTLE-9'");
        assertThatThrownBy(() -> pusher().push(report(1).replace("\"clientId\": \"acme\"", "\"clientId\": \"globex\"")))
                .isInstanceOf(PartnerRejectedException.class).hasMessageContaining("no 1C infobase is configured for client 'globex'");
        assertThatThrownBy(() -> pusher().push(report(1).replace("\"documentDate\": \"2026-03-31\",", "")))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("documentDate");
        ONEC.verify(0, postRequestedFor(set(REPORTS)));
    }
}
