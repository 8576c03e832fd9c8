/** The single IPC channel every renderer call travels on (the preload uses the same name). */
export const RPC_CHANNEL = 'sroi:rpc';
