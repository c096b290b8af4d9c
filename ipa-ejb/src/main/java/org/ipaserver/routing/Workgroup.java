package org.ipaserver.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A workgroup in {@code ipa_Workgroups}, its members (user names of the realm) in {@code ipa_WorkgroupMembers}. */
@Entity
@Table(name = "ipa_Workgroups")
public class Workgroup {

    @Id
    @Column(name = "workgroup_name")
    private String name;
    private String description;
    @ElementCollection
    @CollectionTable(name = "ipa_WorkgroupMembers", joinColumns = @JoinColumn(name = "workgroup_name"))
    @Column(name = "user_name")
    private Set<String> members = new HashSet<>();

    protected Workgroup() {
    }

    Workgroup(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    void describe(String description) {
        this.description = description;
    }

    /** The members by name, sorted. */
    public List<String> members() {
        return members.stream().sorted().toList();
    }

    boolean hasMember(String user) {
        return members.contains(user);
    }

    void addMember(String user) {
        members.add(user);
    }

    void removeMember(String user) {
        members.remove(user);
    }

    /** Only the difference is written: members kept keep their rows. */
    void replaceMembers(Collection<String> users) {
        members.retainAll(users);
        members.addAll(users);
    }

    WorkgroupView view() {
        return new WorkgroupView(name, description, members());
    }
}
