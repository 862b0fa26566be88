package io.leadjourney.imports;

import io.leadjourney.support.NotFoundException;

/** No import with that id: 404. */
public class ImportNotFoundException extends NotFoundException {

    ImportNotFoundException(long id) {
        super("Import not found", "No import " + id);
    }
}
