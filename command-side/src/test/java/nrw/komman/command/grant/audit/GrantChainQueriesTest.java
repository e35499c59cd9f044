package nrw.komman.command.grant.audit;

import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.GrantId;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Who may verify a grant's chain: the readers of its history, coordinators only their own centre's. */
class GrantChainQueriesTest {

    private static final GrantId GRANT = new GrantId(UUID.fromString(ChainFixtures.GRANT));
    private final GrantChainTables tables = mock(GrantChainTables.class);
    private final GrantChainQueries queries = new GrantChainQueries(tables, TestClock.CLOCK);

    private ChainVerification verifyAs(Actor actor) {
        return queries.handle(new VerifyGrantChainQuery(GRANT), MetaData.from(actor.toMetaData()));
    }

    private void storedHistory() {
        when(tables.rows(GRANT.toString())).thenReturn(ChainFixtures.rows(ChainFixtures.history(), ChainFixtures.chain(ChainFixtures.history())));
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"AUDITOR", "MINISTRY", "GRANT_OFFICER"})
    void auditors_ministry_and_grant_authority_verify_every_grant(AccountRole role) {
        storedHistory();

        ChainVerification v = verifyAs(Actor.of("someone", role));

        assertThat(v.verified()).isTrue();
        assertThat(v.verifiedAt()).isEqualTo(TestClock.CLOCK.instant());
    }

    @Test
    void a_coordinator_verifies_their_own_centres_grants_only() {
        storedHistory();

        assertThat(verifyAs(Actor.coordinator("koeln.koordination", new CentreId("05315"))).intact()).isTrue();
        assertThatThrownBy(() -> verifyAs(Actor.coordinator("duesseldorf.koordination", new CentreId("05111"))))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("grant.foreign-centre"));
    }

    @Test
    void a_coordinator_is_refused_when_the_first_event_that_names_the_centre_is_gone() {
        when(tables.rows(GRANT.toString())).thenReturn(ChainFixtures.rows(
                List.of(ChainFixtures.reviewed()), ChainFixtures.chain(ChainFixtures.history())));

        assertThatThrownBy(() -> verifyAs(Actor.coordinator("koeln.koordination", new CentreId("05315"))))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"ADMINISTRATOR", "SYSTEM"})
    void administrators_are_refused_before_anything_is_read(AccountRole role) {
        assertThatThrownBy(() -> verifyAs(Actor.of("admin", role)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("grant.forbidden"));
        verifyNoInteractions(tables);
    }

    @Test
    void a_query_without_an_actor_or_with_a_garbled_one_is_refused() {
        assertThatThrownBy(() -> queries.handle(new VerifyGrantChainQuery(GRANT), MetaData.emptyInstance()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> queries.handle(new VerifyGrantChainQuery(GRANT),
                MetaData.from(Map.of(Actor.ACCOUNT, "x", Actor.ROLE, "KING"))))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("actor.invalid"));
    }

    @Test
    void an_unknown_grant_is_not_found() {
        when(tables.rows(GRANT.toString())).thenReturn(ChainFixtures.rows(List.of(), List.of()));

        assertThatThrownBy(() -> verifyAs(Actor.of("lrh.pruefung", AccountRole.AUDITOR)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("grant.not-found"));
    }

    @Test
    void a_malformed_expectation_is_invalid_input() {
        Actor auditor = Actor.of("lrh.pruefung", AccountRole.AUDITOR);
        MetaData metaData = MetaData.from(auditor.toMetaData());

        for (VerifyGrantChainQuery bad : List.of(new VerifyGrantChainQuery(GRANT, "abc", 3),
                new VerifyGrantChainQuery(GRANT, null, 3), new VerifyGrantChainQuery(GRANT, "a".repeat(64), 0))) {
            assertThatThrownBy(() -> queries.handle(bad, metaData)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> queries.handle(new VerifyGrantChainQuery(null), metaData))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void the_centre_is_read_from_the_first_events_payload() {
        assertThat(GrantChainQueries.centreOf(ChainFixtures.rows(ChainFixtures.history(), List.of()))).contains("05315");
        assertThat(GrantChainQueries.centreOf(ChainFixtures.rows(List.of(ChainFixtures.withPayload(ChainFixtures.applied(), p -> "not json")), List.of()))).isEmpty();
    }
}
