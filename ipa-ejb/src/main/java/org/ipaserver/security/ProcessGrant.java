package org.ipaserver.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code ipa_ProcessRights}: one {@link Grant}; the four columns are unique together. */
@Entity
@Table(name = "ipa_ProcessRights")
public class ProcessGrant {

    @Id
    @Column(name = "grant_id")
    private String id;
    @Column(name = "principal_kind")
    private String principalKind;
    @Column(name = "principal_name")
    private String principalName;
    @Column(name = "access_right")
    private String accessRight;
    @Column(name = "process_name")
    private String processName;

    protected ProcessGrant() {
    }

    ProcessGrant(Grant grant) {
        this.id = UUID.randomUUID().toString();
        this.principalKind = grant.kind().code();
        this.principalName = grant.principal();
        this.accessRight = grant.right().name();
        this.processName = grant.process();
    }

    Grant grant() {
        return new Grant(PrincipalKind.byCode(principalKind).orElseThrow(), principalName,
                Right.byName(accessRight).orElseThrow(), processName);
    }
}
