import { describe, expect, it } from 'vitest';
import type { ActorCard, ArticleRef } from '../../src/background/store/api';
import { timelineFromActorCard } from '../../src/ui/card/fromStore';

const article = (id: string, url: string, title: string): ArticleRef => ({ id, url, title, site: 'news.example', published: '2026-11-0' + id, readAt: 0 });
const here = article('1', 'https://news.example/a/here/', 'المقال الحالي');
const other = article('2', 'https://news.example/a/other', 'مقال آخر');

const card: ActorCard = {
  actor: { id: 'x', name: 'عباس عراقجي', type: 'PERSON', articleCount: 2, aliases: ['عراقجي'], firstSeen: 0, lastSeen: 0 },
  types: [{ value: 'PERSON', count: 2 }],
  aliases: [{ value: 'عراقجي', count: 3 }],
  roles: [],
  articles: [here, other],
  recentEvents: [
    { id: 'e1', date: '2026-11-02', grain: 'day', startDate: '2026-11-02', endDate: '2026-11-02', text: 'وصول الوفد', main: true, score: 1, actors: [], article: other },
  ],
};

describe('timeline store answer → card', () => {
  it('leaves out the article being read, under small URL differences, and keeps the rest in order', () => {
    const timeline = timelineFromActorCard(card, 'https://NEWS.example/a/here#comments');
    expect(timeline.articles.map((a) => a.title)).toEqual(['مقال آخر']);
    expect(timeline.events).toEqual([{ date: '2026-11-02', text: 'وصول الوفد', articleTitle: 'مقال آخر', articleUrl: 'https://news.example/a/other' }]);
  });

  it('gives an empty timeline for an actor the store does not know', () => {
    expect(timelineFromActorCard(undefined, 'https://news.example/')).toEqual({ articles: [], events: [] });
  });
});
