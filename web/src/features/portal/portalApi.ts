import {
  type CreateStoryBody,
  type PortalPageContent,
  type PortalPageKey,
  portalPage,
  portalPagesList,
  type StoryStatus,
  storiesPage,
  story,
  storyConsentCheck,
  type UpdateStoryBody,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, apiUrl } from '../../api/client.ts';

const id = encodeURIComponent;

export const portalKeys = {
  pages: ['portal', 'pages'] as const,
  page: (key: PortalPageKey) => ['portal', 'pages', key] as const,
  stories: (status: StoryStatus | undefined) => ['portal', 'stories', status ?? 'all'] as const,
  story: (storyId: string) => ['portal', 'story', storyId] as const,
  consent: (personId: string) => ['portal', 'consent', personId] as const,
};

export const pagesQuery = () =>
  queryOptions({
    queryKey: portalKeys.pages,
    queryFn: ({ signal }) => apiGet('/portal/pages', portalPagesList, { signal }),
  });

export const pageQuery = (key: PortalPageKey) =>
  queryOptions({
    queryKey: portalKeys.page(key),
    queryFn: ({ signal }) => apiGet(`/portal/pages/${id(key)}`, portalPage, { signal }),
    refetchOnWindowFocus: false,
  });

export const storiesQuery = (status?: StoryStatus) =>
  queryOptions({
    queryKey: portalKeys.stories(status),
    queryFn: ({ signal }) =>
      apiGet('/portal/stories', storiesPage, { query: { status, limit: 100 }, signal }),
  });

export const storyQuery = (storyId: string) =>
  queryOptions({
    queryKey: portalKeys.story(storyId),
    queryFn: ({ signal }) => apiGet(`/portal/stories/${id(storyId)}`, story, { signal }),
    refetchOnWindowFocus: false,
  });

export const consentQuery = (personId: string) =>
  queryOptions({
    queryKey: portalKeys.consent(personId),
    queryFn: ({ signal }) => apiGet(`/portal/consent/${id(personId)}`, storyConsentCheck, { signal }),
  });

/** Address of a saved draft's preview (HTML, same origin: the staff app may frame it). */
export const pagePreviewUrl = (key: PortalPageKey, lang: 'uk' | 'en') =>
  apiUrl(`/portal/pages/${id(key)}/preview`, { lang });
export const storyPreviewUrl = (storyId: string, lang: 'uk' | 'en') =>
  apiUrl(`/portal/stories/${id(storyId)}/preview`, { lang });

/** A photo sent as the request body itself (the server checks its content, resizes it, strips metadata). */
const uploadPhoto = (storyId: string, file: File, alt: { uk: string; en: string }) =>
  apiRequest(`/portal/stories/${id(storyId)}/photos`, story, {
    method: 'POST',
    query: { altUk: alt.uk, altEn: alt.en },
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
  });

export const portalApi = {
  savePage: (key: PortalPageKey, version: number, draft: PortalPageContent) =>
    apiRequest(`/portal/pages/${id(key)}`, portalPage, { method: 'PUT', body: { version, draft } }),
  publishPage: (key: PortalPageKey, version: number) =>
    apiRequest(`/portal/pages/${id(key)}/publish`, portalPage, { method: 'POST', body: { version } }),
  createStory: (body: CreateStoryBody) => apiRequest('/portal/stories', story, { method: 'POST', body }),
  updateStory: (storyId: string, body: UpdateStoryBody) =>
    apiRequest(`/portal/stories/${id(storyId)}`, story, { method: 'PATCH', body }),
  submit: (storyId: string, version: number) =>
    apiRequest(`/portal/stories/${id(storyId)}/submit`, story, { method: 'POST', body: { version } }),
  returnStory: (storyId: string, version: number, note: string) =>
    apiRequest(`/portal/stories/${id(storyId)}/return`, story, { method: 'POST', body: { version, note } }),
  publish: (storyId: string, version: number, publishAt: string | null) =>
    apiRequest(`/portal/stories/${id(storyId)}/publish`, story, {
      method: 'POST',
      body: { version, publishAt },
    }),
  unpublish: (storyId: string, version: number, reason: string) =>
    apiRequest(`/portal/stories/${id(storyId)}/unpublish`, story, {
      method: 'POST',
      body: { version, reason },
    }),
  uploadPhoto,
  removePhoto: (storyId: string, photoId: string) =>
    apiRequest(`/portal/stories/${id(storyId)}/photos/${id(photoId)}`, story, { method: 'DELETE' }),
};
