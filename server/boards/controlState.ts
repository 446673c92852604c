/** A board's control document as a read model, for HTTP work that depends on facilitation state. */
import { readControl, type ControlReadModel } from '../../shared/control/readControl';
import { controlRoomName } from '../../shared/control/roomName';
import type { Storage } from '../storage/storage';
import type { RoomManager } from '../sync/roomManager';
import { readRoom } from './readRoom';

/** The validated control state of a board. */
export function controlState(
  storage: Storage,
  rooms: RoomManager,
  boardId: string,
): Promise<ControlReadModel> {
  return readRoom(storage, rooms, controlRoomName(boardId), readControl);
}
