/** The name of the port the panel's requests come over (page/port-client.ts); the background refuses others. */
export const PANEL_PORT_NAME = 'comment-annotator';
