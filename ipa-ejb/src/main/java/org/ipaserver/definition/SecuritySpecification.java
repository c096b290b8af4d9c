package org.ipaserver.definition;

import java.util.List;

/** A named list of the users, workgroups and roles that may see the values of the variables naming it. */
public record SecuritySpecification(String name, List<String> users, List<String> workgroups, List<String> roles,
                                    String path) {
}
