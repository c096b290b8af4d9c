package org.ipaserver.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One skill of a user at a level from 1 to 100, in {@code ipa_UserSkills}. */
@Entity
@Table(name = "ipa_UserSkills")
@IdClass(UserSkill.Key.class)
public class UserSkill {

    /** The primary key; a class with settable fields, as JPA id classes must be. */
    public static class Key implements Serializable {
        private String user;
        private String skill;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.user, user) && Objects.equals(key.skill, skill);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, skill);
        }
    }

    @Id
    @Column(name = "user_name")
    private String user;
    @Id
    private String skill;
    @Column(name = "skill_level")
    private int level;

    protected UserSkill() {
    }

    UserSkill(String user, String skill, int level) {
        this.user = user;
        this.skill = skill;
        this.level = level;
    }

    String user() {
        return user;
    }

    String skill() {
        return skill;
    }

    int level() {
        return level;
    }

    void level(int newLevel) {
        this.level = newLevel;
    }
}
