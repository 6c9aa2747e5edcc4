import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/page/highlight/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 340, height: 200 };

describe('card placement', () => {
  it('goes below the mention, right edges aligned (RTL), when there is room', () => {
    const place = placeCard({ left: 500, top: 100, width: 80, height: 20 }, card, viewport);
    expect(place.side).toBe('below');
    expect(place.top).toBe(126);
    expect(place.left).toBe(580 - 340);
  });

  it('flips above a mention near the bottom of the screen', () => {
    const place = placeCard({ left: 500, top: 700, width: 80, height: 20 }, card, viewport);
    expect(place.side).toBe('above');
    expect(place.top + card.height).toBeLessThanOrEqual(700);
  });

  it('stays on screen horizontally at either edge', () => {
    expect(placeCard({ left: 5, top: 100, width: 40, height: 20 }, card, viewport).left).toBe(8);
    expect(placeCard({ left: 990, top: 100, width: 40, height: 20 }, card, viewport).left).toBe(1000 - 340 - 8);
  });

  it('stays on screen vertically in a viewport too short for the card', () => {
    const place = placeCard({ left: 500, top: 50, width: 80, height: 20 }, { width: 340, height: 500 }, { width: 1000, height: 300 });
    expect(place.top).toBeGreaterThanOrEqual(8);
  });

  it('sticks to the left margin when the card is wider than the screen', () => {
    expect(placeCard({ left: 100, top: 100, width: 40, height: 20 }, card, { width: 300, height: 800 }).left).toBe(8);
  });
});
