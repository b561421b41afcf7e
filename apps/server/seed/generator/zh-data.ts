// Word lists for realistic zh-CN demo data (Nanchang, Jiangxi). Plain data, no logic.

// Common surnames, roughly in order of frequency (duplicates weight the common ones).
// prettier-ignore
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢',
  '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏',
  '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹',
  '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱',
  '严', '覃', '武', '戴', '莫', '孔', '向', '汤', '王', '李', '张', '刘', '陈', '杨', '黄', '吴', '胡', '熊', '万', '涂', '刘', '王', '李',
  '张', '陈', '邓', '罗', '欧阳',
] as const;

// prettier-ignore
export const GIVEN_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩', '建华', '建国',
  '建军', '志强', '志明', '国强', '国平', '海涛', '海波', '晓东', '晓明', '文杰', '文斌', '俊杰', '子轩', '浩然', '宇航', '家豪', '明轩', '志远', '振华',
  '永刚', '德华', '金龙', '春生', '水根', '火生', '红军', '卫东', '小平', '新民', '承志', '立新', '伟民', '正阳', '昌盛', '旭东', '鹏飞', '思远', '一鸣',
  '天佑', '梓豪', '俊熙', '嘉懿', '煜城', '博文', '泽宇', '雨泽',
] as const;

// prettier-ignore
export const GIVEN_FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '玲', '燕', '婷', '雪', '琳', '颖', '慧', '莉', '萍', '红', '梅', '洁', '秀英', '桂英',
  '秀兰', '玉兰', '桂兰', '丽娟', '海燕', '晓燕', '雪梅', '春梅', '美玲', '婷婷', '欣怡', '梓涵', '诗涵', '雨桐', '佳怡', '子涵', '紫萱', '思琪', '梦瑶',
  '语嫣', '晓红', '小红', '金凤', '秋菊', '冬梅', '翠兰', '淑珍', '凤英', '慧敏', '文静',
] as const;

// Nanchang districts per branch of the demo company, with the administrative division code.
export const DISTRICTS_BY_AREA: Record<
  'urban' | 'rural' | 'remote',
  readonly { name: string; code: string }[]
> = {
  urban: [
    { name: '东湖区', code: '360102' },
    { name: '西湖区', code: '360103' },
    { name: '青山湖区', code: '360111' },
    { name: '红谷滩区', code: '360113' },
    { name: '青云谱区', code: '360104' },
  ],
  rural: [
    { name: '新建区', code: '360112' },
    { name: '南昌县', code: '360121' },
  ],
  remote: [
    { name: '进贤县', code: '360124' },
    { name: '安义县', code: '360123' },
  ],
};

// Birthplace regions for resident IDs: Nanchang districts plus other Jiangxi cities.
// prettier-ignore
export const BIRTH_REGIONS = [
  '360102', '360103', '360104', '360111', '360112', '360113', '360121', '360123', '360124', '360402', '360403',
  '360502', '360602', '360702', '360802', '360902', '361002', '361102', '360302', '360202',
] as const;

// Roads and avenues of Nanchang, used for urban addresses.
// prettier-ignore
export const ROADS = [
  '八一大道', '阳明路', '北京西路', '北京东路', '红谷中大道', '红谷北大道', '赣江南大道', '赣江中大道', '丰和中大道', '丰和南大道', '中山路', '胜利路', '象山北路', '象山南路',
  '叠山路', '民德路', '船山路', '孺子路', '子固路', '章江路', '广场南路', '广场北路', '站前路', '洪都北大道', '洪都中大道', '洪都南大道', '青山南路', '青山北路', '湖滨东路',
  '湖滨南路', '八一大道', '井冈山大道', '井冈山大道', '迎宾大道', '迎宾北大道', '昌南大道', '解放西路', '解放东路', '南京东路', '南京西路', '上海路', '北京路', '福州路',
  '抚河北路', '抚河中路', '抚河南路', '沿江北大道', '沿江中大道', '沿江南大道', '二七北路', '二七南路', '东湖路', '百花洲路', '环湖路', '墩子塘路', '天祥大道', '昌东大道',
  '高新大道', '紫阳大道', '火炬大街', '艾溪湖北路', '艾溪湖东路', '京东大道', '蛟桥路', '庐山南大道', '庐山中大道', '世贸路', '凤凰中大道', '怡园路', '会展路', '九龙湖大道',
  '丰和北大道', '学府大道', '前湖大道', '红角洲大道', '卫东路', '金盘路', '瑶湖西大道', '顺外路', '江大南路', '青云谱路', '迎宾中大道', '贤士一路', '贤士二路', '洪城路',
  '桃苑大街', '朝阳中路', '朝阳洲路', '西站大街', '长堎大道', '振兴大道', '工业大道', '物华路', '永叔路', '福山大道', '莲塘大道', '澄湖路', '黄家湖路', '新洲路', '罗家集路',
] as const;

// Residential communities (小区) and buildings.
// prettier-ignore
export const COMMUNITIES = [
  '青山湖小区', '洪都新村', '南湖小区', '丁公路小区', '贤士花园', '恒茂梦时代', '绿地中央广场', '万科城', '保利香槟国际', '恒大名都', '中海国际社区', '红谷凯旋', '铜锣湾广场',
  '联发君澜', '万达星城', '世茂天城', '融创九里', '新力帝泊湾', '象湖花园', '金域名都', '省府大院', '师大南路小区', '江大社区', '南钢新村', '江铃生活区', '洪客隆社区',
  '湖滨花园', '东方明珠', '鸿顺德都城', '上海公馆', '碧桂园', '力高国际城', '象湖新城', '朝阳新城', '九龙湖小区', '嘉业花园', '西湖人家', '滕王阁小区', '广场东小区',
  '百花洲社区',
] as const;

// prettier-ignore
export const TOWNS_BY_DISTRICT: Record<string, readonly string[]> = {
  新建区: [
    '长堎镇', '望城镇', '生米镇', '西山镇', '石岗镇', '松湖镇', '樵舍镇', '乐化镇', '溪霞镇', '象山镇',
  ],
  南昌县: [
    '莲塘镇', '向塘镇', '三江镇', '塘南镇', '幽兰镇', '蒋巷镇', '武阳镇', '冈上镇', '广福镇', '黄马乡',
  ],
  进贤县: [
    '民和镇', '李渡镇', '温圳镇', '文港镇', '梅庄镇', '张公镇', '罗溪镇', '架桥镇', '前坊镇', '三里乡',
  ],
  安义县: [
    '龙津镇', '万埠镇', '石鼻镇', '鼎湖镇', '长埠镇', '东阳镇', '黄洲镇', '乔乐乡', '新民乡', '长均乡',
  ],
};

// prettier-ignore
export const VILLAGE_STEMS = [
  '李家', '王家', '张家', '刘家', '陈家', '胡家', '熊家', '万家', '涂家', '罗家', '邓家', '黄家', '杨家', '徐家', '吴家', '新屋', '老屋', '东岗', '西岗',
  '南塘', '北塘', '上坊', '下坊', '前湖', '后湖', '石桥', '枫林', '桂花', '竹园', '杨柳',
] as const;

// 字号 (trade names) for company names.
// prettier-ignore
export const TRADE_NAMES = [
  '鑫达', '华信', '恒通', '赣江', '洪都', '东方', '昌盛', '金鹰', '瑞丰', '宏远', '兴业', '联创', '晨鸣', '天成', '国泰', '博远', '万通', '鼎盛', '荣华',
  '新世纪', '长江', '豫章', '滕王', '庐山', '井冈', '红星', '海昌', '嘉禾', '富民', '康达', '中兴', '宏图', '远大', '正邦', '煌上煌', '凯美', '百川', '泰豪',
  '宝丰', '金源', '隆昌', '信达', '海天', '佳和', '顺达', '汇丰', '鸿运', '锦江', '德润', '光明', '永盛', '伟业', '盛世', '星火', '云峰', '和谐', '立信',
  '众诚', '安泰', '科瑞',
] as const;

export const COMPANY_REGION_PREFIX = ['江西', '江西省', '南昌', '南昌市', '江西', '南昌'] as const;
export const COMPANY_SUFFIX = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'] as const;

export interface Industry {
  code: string;
  name: string;
  /** Business words used in the company name. */
  words: readonly string[];
  tariff: 'commercial' | 'general_industry' | 'large_industry' | 'agriculture';
}

// GB/T 4754-2017 divisions (门类字母 + 大类代码).
// prettier-ignore
export const INDUSTRIES: Record<'manufacturing' | 'hvService' | 'lvBusiness', readonly Industry[]> = {
  manufacturing: [
    { code: 'C13', name: '农副食品加工业', words: ['粮油', '饲料', '米业'], tariff: 'general_industry' },
    { code: 'C14', name: '食品制造业', words: ['食品', '乳业'], tariff: 'general_industry' },
    { code: 'C17', name: '纺织业', words: ['纺织', '棉纺'], tariff: 'general_industry' },
    { code: 'C18', name: '纺织服装、服饰业', words: ['服饰', '制衣'], tariff: 'general_industry' },
    { code: 'C22', name: '造纸和纸制品业', words: ['纸业', '包装'], tariff: 'general_industry' },
    { code: 'C26', name: '化学原料和化学制品制造业', words: ['化工', '新材料'], tariff: 'general_industry' },
    { code: 'C27', name: '医药制造业', words: ['制药', '药业', '生物科技'], tariff: 'general_industry' },
    { code: 'C29', name: '橡胶和塑料制品业', words: ['塑业', '橡胶制品'], tariff: 'general_industry' },
    { code: 'C30', name: '非金属矿物制品业', words: ['建材', '水泥', '陶瓷'], tariff: 'general_industry' },
    { code: 'C31', name: '黑色金属冶炼和压延加工业', words: ['钢铁', '特钢'], tariff: 'general_industry' },
    { code: 'C32', name: '有色金属冶炼和压延加工业', words: ['铜业', '铝业'], tariff: 'general_industry' },
    { code: 'C33', name: '金属制品业', words: ['金属制品', '五金'], tariff: 'general_industry' },
    {
      code: 'C34',
      name: '通用设备制造业',
      words: ['机械制造', '通用设备', '泵业'],
      tariff: 'general_industry',
    },
    { code: 'C35', name: '专用设备制造业', words: ['专用设备', '重工'], tariff: 'general_industry' },
    { code: 'C36', name: '汽车制造业', words: ['汽车零部件', '汽车'], tariff: 'general_industry' },
    {
      code: 'C38',
      name: '电气机械和器材制造业',
      words: ['电气', '电缆', '电机'],
      tariff: 'general_industry',
    },
    {
      code: 'C39',
      name: '计算机、通信和其他电子设备制造业',
      words: ['电子科技', '光电', '半导体'],
      tariff: 'general_industry',
    },
    { code: 'D46', name: '水的生产和供应业', words: ['水务', '供水'], tariff: 'general_industry' },
  ],
  hvService: [
    { code: 'P83', name: '教育', words: ['学院', '职业技术学校'], tariff: 'commercial' },
    { code: 'Q84', name: '卫生', words: ['医院', '人民医院'], tariff: 'commercial' },
    { code: 'K70', name: '房地产业', words: ['物业管理', '置业'], tariff: 'commercial' },
    { code: 'H61', name: '住宿业', words: ['大酒店', '宾馆'], tariff: 'commercial' },
    { code: 'F52', name: '零售业', words: ['商业广场', '购物中心'], tariff: 'commercial' },
    { code: 'I65', name: '软件和信息技术服务业', words: ['数据科技', '信息技术'], tariff: 'commercial' },
    { code: 'N78', name: '公共设施管理业', words: ['市政公用', '城市建设'], tariff: 'commercial' },
    { code: 'G54', name: '道路运输业', words: ['公交', '物流'], tariff: 'commercial' },
  ],
  lvBusiness: [
    { code: 'F51', name: '批发业', words: ['商贸', '贸易'], tariff: 'commercial' },
    { code: 'F52', name: '零售业', words: ['超市', '便利店', '商行'], tariff: 'commercial' },
    { code: 'H62', name: '餐饮业', words: ['餐饮', '饭店', '小吃店'], tariff: 'commercial' },
    { code: 'H61', name: '住宿业', words: ['宾馆', '旅馆'], tariff: 'commercial' },
    { code: 'O80', name: '居民服务业', words: ['洗衣店', '美发店', '家政服务'], tariff: 'commercial' },
    {
      code: 'O81',
      name: '机动车、电子产品和日用产品修理业',
      words: ['汽车维修', '家电维修'],
      tariff: 'commercial',
    },
    { code: 'L72', name: '商务服务业', words: ['广告', '咨询服务'], tariff: 'commercial' },
    { code: 'C33', name: '金属制品业', words: ['五金加工', '门窗'], tariff: 'general_industry' },
    {
      code: 'C20',
      name: '木材加工和木、竹、藤、棕、草制品业',
      words: ['木业', '家具'],
      tariff: 'general_industry',
    },
    { code: 'A01', name: '农业', words: ['农业开发', '种植专业合作社'], tariff: 'agriculture' },
    { code: 'A04', name: '渔业', words: ['水产养殖'], tariff: 'agriculture' },
  ],
};

// 系统客户: grid-system customers (substation station power, the company's own premises, subsidiaries).
// prettier-ignore
export const SYSTEM_CUSTOMER_NAMES = [
  '国网示例市供电公司调度大楼', '国网示例市供电公司营业厅', '江西赣电电力工程有限公司', '江西省电力设计院有限公司南昌分院', '国网示例市供电公司物资仓库', '南昌供电服务有限公司',
  '国网示例市供电公司培训中心',
] as const;

// prettier-ignore
export const SUBSTATION_STEMS = [
  '洪都', '青山', '湖滨', '八一', '城东', '城北', '象湖', '朝阳', '昌北', '艾溪', '梅岭', '西山', '望城', '生米', '石岗', '南岭', '石门', '云峰', '民和',
  '李渡', '龙津', '万埠', '莲塘', '向塘', '瑶湖', '蛟桥', '罗家', '新祺周', '长堎', '乐化',
] as const;
