package org.ipaserver.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The licence granted to a user, in {@code ipa_UserLicences}; no row means {@link Licence#DEFAULT}. */
@Entity
@Table(name = "ipa_UserLicences")
public class UserLicence {

    @Id
    @Column(name = "user_name")
    private String user;
    @Enumerated(EnumType.STRING)
    private Licence licence;

    protected UserLicence() {
    }

    UserLicence(String user, Licence licence) {
        this.user = user;
        this.licence = licence;
    }

    String user() {
        return user;
    }

    Licence licence() {
        return licence;
    }

    void grant(Licence newLicence) {
        this.licence = newLicence;
    }
}
