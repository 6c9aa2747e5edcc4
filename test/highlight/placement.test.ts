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

describe('placeCard: a card taller than the room on either side', () => {
  it('keeps to the roomier side, capped to it, and does not cover its mention', () => {
    const anchor = { left: 500, top: 310, width: 120, height: 24 };
    const place = placeCard(anchor, { width: 340, height: 440 }, { width: 900, height: 700 });
    expect(place.side).toBe('below');
    expect(place.maxHeight).toBe(700 - (310 + 24) - 6 - 8);
    expect(place.top).toBe(310 + 24 + 6);
    expect(place.top + place.maxHeight).toBeLessThanOrEqual(700 - 8);
  });

  it('above, when there is more room there', () => {
    const anchor = { left: 500, top: 500, width: 120, height: 24 };
    const place = placeCard(anchor, { width: 340, height: 600 }, { width: 900, height: 700 });
    expect(place.side).toBe('above');
    expect(place.maxHeight).toBe(500 - 6 - 8);
    expect(place.top + Math.min(600, place.maxHeight)).toBe(500 - 6);
  });
});
