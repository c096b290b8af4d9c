package org.ipaserver.routing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.ipaserver.security.AccessDenied;
import org.ipaserver.security.Licence;
import org.ipaserver.security.Licences;
import org.ipaserver.security.Rights;
import org.ipaserver.security.Supervisors;
import org.ipaserver.store.StoreClock;

/**
 * Administration of routing (workgroups, skills, presence, licences) and the routing question
 * "who would get an item now", one transaction each. Anyone signed in reads workgroups and
 * presence, and sets their own presence; reading about others needs ipa-admin or the Process
 * Monitor licence; every other change needs ipa-admin. Rights are checked before the input.
 */
@Stateless
@DeclareRoles({Rights.ADMIN})
public class RoutingService {

    private static final int MAX_NAME = 128;
    private static final int MAX_DESCRIPTION = 1000;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<PresenceChanged> presenceChanges;
    @PersistenceContext(unitName = "ipa")
    EntityManager em;
    @Resource
    SessionContext caller;
    @jakarta.inject.Inject
    ItemsInHand itemsInHand;

    public List<WorkgroupView> workgroups() {
        return Workgroups.list(em).stream().map(Workgroup::view).toList();
    }

    public WorkgroupView workgroup(String name) {
        return existing(name).view();
    }

    /** Creates or updates a workgroup; {@code members} null keeps them. True when it was created. */
    public boolean saveWorkgroup(String name, String description, List<String> members) {
        requireAdmin("change workgroups");
        var errors = new ArrayList<FieldError>();
        checkName(errors, "name", name);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (members != null) {
            for (int i = 0; i < members.size(); i++) {
                checkName(errors, "members[" + i + "]", members.get(i));
            }
        }
        refuse(errors);
        return Workgroups.save(em, name, description, members);
    }

    public void deleteWorkgroup(String name) {
        requireAdmin("delete workgroups");
        em.remove(existing(name));
    }

    public WorkgroupView addMember(String workgroup, String user) {
        requireAdmin("change workgroups");
        var group = existing(workgroup);
        var errors = new ArrayList<FieldError>();
        checkName(errors, "user", user);
        refuse(errors);
        group.addMember(user);
        return group.view();
    }

    /** Removing someone who is not a member changes nothing and is no error. */
    public WorkgroupView removeMember(String workgroup, String user) {
        requireAdmin("change workgroups");
        var group = existing(workgroup);
        group.removeMember(user);
        return group.view();
    }

    public Map<String, Integer> skills(String user) {
        requireSelfOrSupervisor(user);
        return Skills.of(em, known(user));
    }

    public Map<String, Integer> setSkills(String user, Map<String, Integer> skills) {
        requireAdmin("set skills");
        var errors = new ArrayList<FieldError>();
        checkName(errors, "user", user);
        errors.addAll(SkillLevels.problems("", skills));
        refuse(errors);
        Skills.replace(em, user, skills);
        return Skills.of(em, user);
    }

    public PresenceView presence(String user) {
        return Presences.of(em, user.equals(caller()) ? user : known(user));
    }

    public PresenceView setPresence(String user, String presence) {
        if (!user.equals(caller())) {
            requireAdmin("set the presence of other users");
        }
        var errors = new ArrayList<FieldError>();
        checkName(errors, "user", user);
        var value = Presence.byCode(presence);
        if (value.isEmpty()) {
            errors.add(new FieldError("presence", "must be one of available, away, do-not-disturb"));
        }
        refuse(errors);
        var view = Presences.set(em, user, value.orElseThrow(), StoreClock.now());
        presenceChanges.fire(new PresenceChanged(user, value.get()));
        return view;
    }

    public Licence licence(String user) {
        requireSelfOrSupervisor(user);
        return Licences.of(em, user.equals(caller()) ? user : known(user));
    }

    public Licence setLicence(String user, String licence) {
        requireAdmin("grant licences");
        var errors = new ArrayList<FieldError>();
        checkName(errors, "user", user);
        var value = Licence.byName(licence);
        if (value.isEmpty()) {
            errors.add(new FieldError("licence",
                    "must be one of DIRECT_ROUTED, GROUP_ROUTED, PROCESS_MONITOR, PROCESS_DESIGNER"));
        }
        refuse(errors);
        Licences.grant(em, user, value.orElseThrow());
        return value.orElseThrow();
    }

    /** Who would get an item of this workgroup requiring these skills, if it were routed now. */
    public RoutingDecision route(String workgroup, Map<String, Integer> required) {
        requireSupervisor("ask who would get a workgroup item");
        var group = existing(workgroup);
        refuse(SkillLevels.problems("skill.", required));
        return WorkgroupRouting.decide(em, group, required, itemsInHand);
    }

    private Workgroup existing(String name) {
        return Workgroups.find(em, name).orElseThrow(() -> new RoutingExceptions.UnknownWorkgroup(name));
    }

    /** The user, if the application knows of them at all. */
    private String known(String user) {
        if (Workgroups.hasMember(em, user) || !Skills.of(em, user).isEmpty() || Presences.recorded(em, user)
                || Licences.granted(em, user)) {
            return user;
        }
        throw new RoutingExceptions.UnknownUser(user);
    }

    private static void checkName(List<FieldError> errors, String field, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError(field, "a name of 1 to " + MAX_NAME + " characters is required"));
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private void requireAdmin(String what) {
        if (!caller.isCallerInRole(Rights.ADMIN)) {
            throw new AccessDenied("user '" + caller() + "' may not " + what + " (needs the " + Rights.ADMIN
                    + " right)");
        }
    }

    private void requireSupervisor(String what) {
        Supervisors.require(em, caller(), caller.isCallerInRole(Rights.ADMIN), what);
    }

    private void requireSelfOrSupervisor(String user) {
        if (!user.equals(caller())) {
            requireSupervisor("read about other users");
        }
    }

    private String caller() {
        return caller.getCallerPrincipal().getName();
    }
}
