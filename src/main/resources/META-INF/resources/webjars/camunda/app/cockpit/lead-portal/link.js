// On a lead journey's page in Cockpit, a button to the lead's page in the lead portal. The journey's business key
// is the lead's id; other processes get no button. The portal decides what the manager may see.
const JOURNEY = /^lead-journey:/;
const LEAD_ID = /^[0-9]+$/;

export default [{
  id: 'leadjourney-lead-page',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: (node, { api, processInstanceId }) => {
    fetch(`${api.engineApi}/process-instance/${encodeURIComponent(processInstanceId)}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
    })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((journey) => {
        if (!journey || !JOURNEY.test(journey.definitionId || '') || !LEAD_ID.test(journey.businessKey || '')) {
          return;
        }
        const link = document.createElement('a');
        link.href = `/portal/leads/${journey.businessKey}`;
        link.className = 'btn btn-default action-button';
        link.title = `Lead ${journey.businessKey} in the lead portal`;
        link.textContent = 'Lead page';
        node.appendChild(link);
      });
  }
}];
