package org.ipaserver.api;

/**
 * A request body the API binds itself, strictly: a record implementing this is read by
 * {@link StrictJsonBodies} and {@link BodyBinder} (one JSON document, known members of the right
 * JSON types, JSON-B, then Bean Validation), every bad field reported at once.
 */
public interface JsonBody {
}
