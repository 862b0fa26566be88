package io.leadjourney.imports;

/** No import with that id: 404. */
public class ImportNotFoundException extends RuntimeException {

    ImportNotFoundException(long id) {
        super("No import " + id);
    }
}
