// Lead Journey's settings for Cockpit (they replace the webapp's config.js, whose settings are all commented out).
export default {
  // A lead journey's page links the lead's page in the portal (app/cockpit/lead-portal/link.js).
  customScripts: ['lead-portal/link']
};
