package org.ipaserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.transaction.SystemException;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** What a client is told when the flow store fails under its request. */
class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();

    /** As Payara reports a connection lost at commit: the connector's failure survives as text. */
    private static EJBException lostAtCommit() {
        var lost = new XAException(new LocalTransactionException("This connection has been closed.").toString());
        lost.errorCode = XAException.XAER_RMERR;
        var commit = new SystemException();
        commit.initCause(lost);
        return new EJBException(commit);
    }

    @Test
    void aLaunchWhoseCommitWentUnansweredNamesTheFlowItMayHaveMade() {
        var response = mappers.toResponse(new FlowsResource.LaunchOutcomeUnknown("f-1", lostAtCommit()));
        assertEquals(503, response.getStatus());
        assertEquals("10", response.getHeaderString("Retry-After"));
        var problem = (ApiProblem) response.getEntity();
        assertEquals("urn:ipa-server:problem:outcome-unknown", problem.type());
        assertEquals("f-1", problem.flow());
        assertTrue(problem.detail().contains("flow f-1 may have been launched or not"), problem.detail());
    }

    @Test
    void anyOtherChangeWhoseCommitWentUnansweredSaysItMayHaveBeenMade() {
        var problem = (ApiProblem) mappers.toResponse(lostAtCommit()).getEntity();
        assertEquals("urn:ipa-server:problem:outcome-unknown", problem.type());
        assertNull(problem.flow());
        assertTrue(problem.detail().contains("may have been made or not"), problem.detail());
    }

    @Test
    void aLaunchRefusedForTheLoadSaysWhenToRetry() {
        var response = mappers.toResponse(new org.ipaserver.admission.AdmissionGate.Overloaded("the server is "
                + "overloaded; nothing was launched: try again in 2 s", 2));
        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("urn:ipa-server:problem:overloaded", ((ApiProblem) response.getEntity()).type());
    }

    @Test
    void aDatabaseThatCannotBeReachedChangedNothing() {
        var refused = new EJBException(new SQLException("Connection refused", "08001", new ConnectException("refused")));
        var response = mappers.toResponse(refused);
        assertEquals(503, response.getStatus());
        var problem = (ApiProblem) response.getEntity();
        assertEquals("urn:ipa-server:problem:store-unavailable", problem.type());
        assertTrue(problem.detail().contains("nothing was changed"), problem.detail());
    }

    @Test
    void aDeadlockTheDatabaseBrokeChangedNothingAndIsWorthTryingAgain() {
        var victim = new SQLException("ERROR: deadlock detected", "40P01");
        var response = mappers.toResponse(new EJBException(new RuntimeException("flush failed", victim)));
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        var problem = (ApiProblem) response.getEntity();
        assertEquals("urn:ipa-server:problem:concurrent-change", problem.type());
        assertTrue(problem.detail().contains("nothing was changed"), problem.detail());
    }

    @Test
    void aConnectionLostAtTheRollbackOfAFailedFlushChangedNothing() {
        var rollback = new SystemException();
        rollback.initCause(new ConnectorXAResource().rollback());
        var response = mappers.toResponse(new EJBException(rollback));
        assertEquals(503, response.getStatus());
        var problem = (ApiProblem) response.getEntity();
        assertEquals("urn:ipa-server:problem:store-unavailable", problem.type());
        assertTrue(problem.detail().contains("nothing was changed"), problem.detail());
    }

    /** Named and failing as Payara's XA resource of a connector does when its connection is gone. */
    private static final class ConnectorXAResource {
        XAException rollback() {
            var lost = new XAException("com.sun.appserv.connectors.internal.api.PoolingException: "
                    + "jakarta.resource.ResourceException: This Managed Connection is not valid as the physical "
                    + "connection is not usable");
            lost.errorCode = XAException.XAER_RMERR;
            return lost;
        }
    }
}
